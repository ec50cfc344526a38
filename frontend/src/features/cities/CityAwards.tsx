import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { Sources } from '@/components/Sources';
import { useLocalized } from '@/i18n/localized';
import { citiesQueries } from './api';

/** The awards a city received in published cycles (`GET /api/v1/cities/{slug}/awards`), newest first. */
export function CityAwards({ slug }: { slug: string }) {
  const { t } = useTranslation('cities');
  const { text, number } = useLocalized();
  const caption = useId();
  const awards = useQuery(citiesQueries.awards(slug));
  const csv = `/api/v1/cities/${encodeURIComponent(slug)}/awards?format=csv&bom=true`;
  return (
    <DataState query={awards}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t('awards.none')}</p>
        ) : (
          <>
            <div className="table-wrap" role="region" aria-labelledby={caption} tabIndex={0}>
              <table className="data awards-table">
                <caption id={caption} className="visually-hidden">
                  {t('awards.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('awards.cycle')}</th>
                    <th scope="col">{t('awards.programme')}</th>
                    <th scope="col">{t('awards.category')}</th>
                    <th scope="col">{t('awards.result')}</th>
                    <th scope="col">{t('awards.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/awards/cycles/${a.cycle_id}`}>{t('awards.cycle_link', { year: a.year })}</Link>
                      </th>
                      <td>
                        <Link to={`/awards/${a.programme}`}>{text(a.programme_name)}</Link>
                      </td>
                      <td>{text(a.category_name)}</td>
                      <td>{t(`nomination_status.${a.status}`)}</td>
                      <td>
                        <Sources
                          record={a}
                          fallbackUrl={a.source_url}
                          label={t('awards.sources_of', { programme: text(a.programme_name), year: a.year })}
                          compact
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              {page.total > page.items.length && `${t('awards.partial', { shown: number(page.items.length), total: number(page.total) })} `}
              <a href={csv} download>
                {t('awards.download_csv')}
              </a>
            </p>
          </>
        )
      }
    </DataState>
  );
}
