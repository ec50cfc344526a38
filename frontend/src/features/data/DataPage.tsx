import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { evaluationsQueries } from '@/features/evaluations';
import { networksQueries } from '@/features/networks';
import { useLocalized } from '@/i18n/localized';
import { dataQueries } from './api';
import { Coverage } from './Coverage';
import { Dictionary } from './Dictionary';
import { Rich } from './Rich';
import { DOWNLOADS, downloadUrl } from './downloads';
import './data.css';

const origin = globalThis.location?.origin ?? '';

/** A row of a download table: what it is, and the path (and query) of its list or statistic. */
interface Row {
  key: string;
  label: string;
  path: string;
  query?: Record<string, string>;
  /** The parameters it takes, shown as code. */
  params?: string;
}

/** The lists shown before the member lists of the networks, and after them. */
const DIRECTORY: { key: string; path: string }[] = [
  { key: 'cities', path: '/api/v1/cities' },
  { key: 'networks', path: '/api/v1/networks' },
];
const REFERENCE: { key: string; path: string }[] = [
  { key: 'countries', path: '/api/v1/countries' },
  { key: 'provinces', path: '/api/v1/provinces' },
  { key: 'award_programmes', path: '/api/v1/award-programmes' },
  { key: 'award_cycles', path: '/api/v1/award-cycles' },
  { key: 'award_categories', path: '/api/v1/award-categories' },
  { key: 'frameworks', path: '/api/v1/frameworks' },
];

const STATISTICS: { key: string; path: string; query?: Record<string, string>; params?: string }[] = [
  { key: 'overview', path: '/api/v1/stats/overview' },
  { key: 'coverage', path: '/api/v1/stats/coverage' },
  { key: 'membership_growth', path: '/api/v1/stats/membership-growth', params: 'network' },
  { key: 'cities_by_country', path: '/api/v1/stats/cities-by-country' },
  { key: 'cities_by_region', path: '/api/v1/stats/cities-by-region' },
  { key: 'awards_by_country', path: '/api/v1/stats/awards', query: { by: 'country' }, params: 'by' },
  { key: 'awards_by_programme', path: '/api/v1/stats/awards', query: { by: 'programme' }, params: 'by' },
  { key: 'awards_by_category', path: '/api/v1/stats/awards', query: { by: 'category' }, params: 'by' },
];

/**
 * `/data`: how to take the platform's data: the bulk dataset with its data dictionary, licence and
 * attribution, CSV / NDJSON downloads of the lists and statistics, how complete the data is
 * (coverage), the API documentation, API keys and the changes feed.
 */
export default function DataPage() {
  const { t } = useTranslation('data');
  const { text } = useLocalized();
  const datasets = useQuery(dataQueries.datasets());
  const networks = useQuery(networksQueries.everyNetwork());
  const frameworks = useQuery(evaluationsQueries.frameworkList());

  const listRow = (l: { key: string; path: string }): Row => ({ key: l.key, label: t(`lists.${l.key}`), path: l.path });
  const members: Row[] = (networks.data?.items ?? []).flatMap((network) => [
    {
      key: `members:${network.slug}`,
      label: t('lists.members', { network: text(network.name) }),
      path: `/api/v1/networks/${network.slug}/members`,
    },
    {
      key: `census:${network.slug}`,
      label: t('lists.census', { network: text(network.name) }),
      path: `/api/v1/networks/${network.slug}/census`,
    },
  ]);
  const lists: Row[] = [...DIRECTORY.map(listRow), ...members, ...REFERENCE.map(listRow)];
  const statistics: Row[] = STATISTICS.map((s) => ({ ...s, label: t(`statistics.${s.key}`) }));
  for (const framework of frameworks.data?.items ?? []) {
    statistics.push({
      key: `areas:${framework.slug}`,
      label: t('statistics.areas', { framework: text(framework.name) }),
      path: '/api/v1/evaluation-stats/areas',
      query: { framework: framework.slug },
      params: 'framework, network, country, year',
    });
  }

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <nav aria-label={t('contents')}>
        <ul className="data-contents">
          <li><a href="#dataset">{t('dataset.title')}</a></li>
          <li><a href="#lists">{t('lists.title')}</a></li>
          <li><a href="#coverage">{t('coverage.title')}</a></li>
          <li><a href="#statistics">{t('statistics.title')}</a></li>
          <li><a href="#api">{t('api.title')}</a></li>
          <li><a href="#keys">{t('keys.title')}</a></li>
          <li><a href="#changes">{t('changes.title')}</a></li>
        </ul>
      </nav>

      <section aria-labelledby="dataset">
        <h2 id="dataset">{t('dataset.title')}</h2>
        <p>{t('dataset.intro')}</p>
        <DataState query={datasets}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('dataset.none')}</p>
            ) : (
              data.items.map((dataset) => <Dictionary key={dataset.slug} dataset={dataset} />)
            )
          }
        </DataState>
      </section>

      <section aria-labelledby="lists">
        <h2 id="lists">{t('lists.title')}</h2>
        <p><Rich k="lists.intro" /></p>
        <ul>
          <li><Rich k="lists.csv" /></li>
          <li><Rich k="lists.bom" /></li>
          <li><Rich k="lists.ndjson" /></li>
          <li><Rich k="lists.accept" /></li>
          <li><Rich k="lists.filters" /></li>
        </ul>
        <ProblemAlert error={networks.error} />
        <DownloadTable caption={t('lists.caption')} rows={lists} />
        <p><Rich k="lists.city_awards" /></p>
      </section>

      <Coverage />

      <section aria-labelledby="statistics">
        <h2 id="statistics">{t('statistics.title')}</h2>
        <p>
          <Rich k="statistics.intro" />
        </p>
        <ProblemAlert error={frameworks.error} />
        <DownloadTable caption={t('statistics.caption')} rows={statistics} withParams />
      </section>

      <section aria-labelledby="api">
        <h2 id="api">{t('api.title')}</h2>
        <p><Rich k="api.intro" /></p>
        <ul>
          <li>
            <a href="/api/docs/">{t('api.docs')}</a>
          </li>
          <li>
            <a href="/api/openapi.json">{t('api.openapi')}</a>
          </li>
        </ul>
        <ul>
          <li><Rich k="api.paging" /></li>
          <li><Rich k="api.bilingual" /></li>
          <li>{t('api.errors')}</li>
          <li><Rich k="api.caching" /></li>
        </ul>
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">{t('keys.title')}</h2>
        <p><Rich k="keys.anonymous" /></p>
        <p><Rich k="keys.with_key" /></p>
        <p>{t('keys.example')}</p>
        <pre className="code">
          <code>{`curl -H 'X-API-Key: lck_…' '${origin}/api/v1/cities?country=TH&format=csv'`}</code>
        </pre>
        <p><Rich k="keys.rules" /></p>
      </section>

      <section aria-labelledby="changes">
        <h2 id="changes">{t('changes.title')}</h2>
        <p><Rich k="changes.intro" /></p>
        <ol>
          <li><Rich k="changes.step_start" /></li>
          <li>{t('changes.step_download')}</li>
          <li><Rich k="changes.step_poll" /></li>
        </ol>
        <p>
          <a href="/api/v1/changes?since=0">{t('changes.link')}</a>
        </p>
      </section>
    </>
  );
}

/** A table of lists or statistics with a link per download format. */
function DownloadTable({ caption, rows, withParams = false }: { caption: string; rows: Row[]; withParams?: boolean }) {
  const { t } = useTranslation('data');
  return (
    <div className="table-wrap downloads-wrap">
      <table className="data downloads">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('downloads.what')}</th>
            {withParams && <th scope="col">{t('downloads.params')}</th>}
            {DOWNLOADS.map((d) => (
              <th scope="col" key={d}>
                {t(`downloads.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                <br />
                <code className="muted">{row.path}</code>
              </th>
              {withParams && <td>{row.params ? <code>{row.params}</code> : t('downloads.no_params')}</td>}
              {DOWNLOADS.map((d) => (
                <td key={d}>
                  <a href={downloadUrl(row.path, d, row.query)}>
                    {t(`downloads.${d}_link`)}
                    <span className="visually-hidden">{t('downloads.of', { what: row.label })}</span>
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
