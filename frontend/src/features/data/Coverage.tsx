import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { useLocalized } from '@/i18n/localized';
import { webUrl } from '@/lib/urls';
import { dataQueries } from './api';
import { downloadUrl } from './downloads';

type Coverage = components['schemas']['Coverage'];

const PATH = '/api/v1/stats/coverage';

/**
 * "Coverage": how much of the picture is recorded here (`/stats/coverage`). Per network, the
 * members recorded here of the size its organisers last reported (with the date and a link to
 * the report); per field, how many public records have it. With its CSV download.
 */
export function Coverage() {
  const { t } = useTranslation('data');
  const query = useQuery(dataQueries.coverage());
  return (
    <section aria-labelledby="coverage">
      <h2 id="coverage">{t('coverage.title')}</h2>
      <p>{t('coverage.intro')}</p>
      <DataState query={query}>
        {(table) =>
          table.items.length === 0 ? (
            <p>{t('coverage.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data coverage">
                <caption>{t('coverage.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coverage.what')}</th>
                    <th scope="col" className="num">{t('coverage.have')}</th>
                    <th scope="col" className="num">{t('coverage.of')}</th>
                    <th scope="col" className="num">{t('coverage.percent')}</th>
                    <th scope="col">{t('coverage.reported')}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.items.map((row) => (
                    <CoverageRow key={`${row.kind}:${row.key}`} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </DataState>
      <p>
        <a href={downloadUrl(PATH, 'csv-bom')} download>
          {t('coverage.download_csv')}
        </a>
      </p>
    </section>
  );
}

function CoverageRow({ row }: { row: Coverage }) {
  const { t } = useTranslation('data');
  const { text, number, date } = useLocalized();
  const label = text({ en: row.label_en, th: row.label_th });
  const network = row.kind === 'network_members';
  const url = webUrl(row.source_url);
  const unknown = (words: string) => <span className="muted">{words}</span>;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{number(row.have)}</td>
      <td className="num">{row.of != null ? number(row.of) : unknown(network ? t('coverage.not_reported') : t('coverage.unknown'))}</td>
      <td className="num">{row.percent != null ? t('coverage.percent_value', { percent: number(row.percent, 1) }) : unknown(t('coverage.unknown'))}</td>
      <td>
        {network && row.as_of ? (
          <>
            {t('coverage.as_of', { date: date(row.as_of) })}
            {url && (
              <>
                {' '}
                (
                <a href={url} rel="noopener noreferrer">
                  {t('coverage.source')}
                  <span className="visually-hidden">{t('coverage.source_of', { what: label })}</span>
                </a>
                )
              </>
            )}
          </>
        ) : (
          unknown(network ? t('coverage.not_reported') : t('coverage.not_applicable'))
        )}
      </td>
    </tr>
  );
}
