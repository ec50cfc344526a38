import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { useLocalized } from '@/i18n/localized';
import { awardsQueries } from './api';
import './awards.css';

/** `/awards`: the award programmes, each with its organisers and the years of its cycles. */
export default function AwardsPage() {
  const { t } = useTranslation('awards');
  const { text } = useLocalized();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery(awardsQueries.programmeList({ limit: 50, cursor }));
  return (
    <>
      <PageTitle>{t('programmes.title')}</PageTitle>
      <p>{t('programmes.intro')}</p>
      <DataState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">{t('programmes.empty')}</p>
          ) : (
            <>
              <ul className="cards programme-cards">
                {page.items.map((programme) => (
                  <li key={programme.slug} className="card">
                    <h2>
                      <Link to={`/awards/${programme.slug}`}>{text(programme.name)}</Link>
                    </h2>
                    <dl className="facts">
                      {programme.organisers && (
                        <>
                          <dt>{t('programme.organisers')}</dt>
                          <dd>{text(programme.organisers)}</dd>
                        </>
                      )}
                      {programme.secretariat && (
                        <>
                          <dt>{t('programme.secretariat')}</dt>
                          <dd>{text(programme.secretariat)}</dd>
                        </>
                      )}
                      <dt>{t('programme.cycle_years')}</dt>
                      <dd>{programme.cycle_years.length > 0 ? programme.cycle_years.join(', ') : t('programme.no_cycles')}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
              {(page.next_cursor || cursors.length > 1) && (
                <Pager
                  shown={page.items.length}
                  total={page.total}
                  hasPrevious={cursors.length > 1}
                  hasNext={Boolean(page.next_cursor)}
                  onPrevious={() => setCursors((c) => c.slice(0, -1))}
                  onNext={() => setCursors((c) => [...c, page.next_cursor ?? undefined])}
                />
              )}
            </>
          )
        }
      </DataState>
    </>
  );
}
