import { Suspense, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '@/api/reference';
import type { components } from '@/api/schema';
import { LineChart, type Point } from '@/components/charts';
import { DataState } from '@/components/DataState';
import { AseanMap } from '@/components/map';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Sources } from '@/components/Sources';
import { OrganisationLinks } from '@/features/organisations';
import { useLocalized } from '@/i18n/localized';
import { oneOf } from '@/lib/choices';
import { useUrlPaging } from '@/lib/paging';
import { MemberTable } from './MemberTable';
import { networksQueries } from './api';
import { NetworkFacts } from './NetworkFacts';
import './networks.css';

type Network = components['schemas']['Network'];
type CensusEntry = components['schemas']['CensusEntry'];

/** The member list's orders (manual, docs/src/api.md: `/networks/{slug}/members`); the first is the API's default. */
const SORTS = ['joined', '-joined', 'name', '-name'] as const satisfies readonly components['schemas']['MemberSort'][];
const PAGE_SIZE = 50;

/**
 * One network (`/networks/:slug`): its facts and sources, the organisations with a role in it, the
 * sizes its organisers reported, its
 * members on the map, the growth of its membership (beside the reported sizes) and the paged list
 * of members, whose order and page are kept in the URL.
 */
export default function NetworkPage() {
  const { t } = useTranslation('networks');
  const { text } = useLocalized();
  const { slug = '' } = useParams();
  const countries = useCountryNames();
  const network = useQuery(networksQueries.detail(slug));
  return (
    <>
      <PageTitle>{network.data ? text(network.data.name) : t('detail.title')}</PageTitle>
      <ProblemAlert error={countries.error} />
      <DataState query={network}>
        {(n) => (
          <>
            {n.status === 'planned' && <p className="alert alert-warning">{t('detail.planned')}</p>}
            <NetworkFacts network={n} countryName={countries.name} website organisationsShown />
            <Sources record={n} label={t('detail.sources', { name: text(n.name) })} />
            {n.description && <p className="network-description">{text(n.description)}</p>}
            <OrganisationLinks organisations={n.organisations ?? []} of={text(n.name)} />
            <Census network={n} />
            <MemberMap network={n} />
            <Growth network={n} />
            <Members network={n} countryName={countries.name} />
          </>
        )}
      </DataState>
      <p>
        <Link to="/networks">{t('detail.all')}</Link>
      </p>
    </>
  );
}

/** The polite loading line, while a lazy chart or map arrives. */
function Loading() {
  const { t } = useTranslation('common');
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** Every member with coordinates, on the ASEAN+3 map. */
function MemberMap({ network }: { network: Network }) {
  const { t } = useTranslation('networks');
  const { text } = useLocalized();
  const members = useQuery(networksQueries.allMembers(network.slug));
  return (
    <section aria-labelledby="network-map">
      <h2 id="network-map">{t('detail.map_heading')}</h2>
      <DataState query={members}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('detail.no_map')}</p>
          ) : (
            <Suspense fallback={<Loading />}>
              <AseanMap
                title={t('detail.map_title', { name: text(network.name) })}
                cities={rows.map((m) => ({ slug: m.city.slug, name: text(m.city.name), lat: m.city.lat, lon: m.city.lon }))}
              />
            </Suspense>
          )
        }
      </DataState>
    </section>
  );
}

/**
 * The reported sizes as points by year (the latest report of each year that states members),
 * to set beside the members recorded here.
 */
function reportedByYear(entries: CensusEntry[]): Point[] {
  const latest = new Map<number, CensusEntry>();
  for (const entry of entries) {
    if (entry.members == null) continue;
    const year = Number(entry.as_of.slice(0, 4));
    const seen = latest.get(year);
    if (!seen || entry.as_of > seen.as_of) latest.set(year, entry);
  }
  return [...latest.entries()].map(([x, entry]) => ({ x, y: entry.members ?? 0 })).sort((a, b) => a.x - b.x);
}

/**
 * The running total of members by the year they joined (`/stats/membership-growth`), with the
 * sizes the organisers reported (the census) as a second, dashed series where there are any.
 */
function Growth({ network }: { network: Network }) {
  const { t } = useTranslation('networks');
  const { text, number } = useLocalized();
  const growth = useQuery(networksQueries.growth(network.slug));
  // The reported sizes are a comparison only: without them (an error is shown by the census
  // section) the chart still shows the recorded joins.
  const census = useQuery(networksQueries.census(network.slug));
  return (
    <section aria-labelledby="network-growth">
      <h2 id="network-growth">{t('detail.growth_heading')}</h2>
      <DataState query={growth}>
        {(table) => {
          const rows = table.items.filter((row) => row.network === network.slug);
          if (rows.length === 0) return <p>{t('detail.no_growth')}</p>;
          if (census.isPending) return <Loading />;
          const reported = reportedByYear(census.data?.items ?? []);
          return (
            <>
              <p>{t('detail.growth_note')}</p>
              {reported.length > 0 && <p>{t('detail.reported_note')}</p>}
              <div className="network-chart">
                <Suspense fallback={<Loading />}>
                  <LineChart
                    title={t('detail.growth_title', { name: text(network.name) })}
                    points={rows.map((row) => ({ x: row.year, y: row.cumulative }))}
                    xLabel={t('detail.year')}
                    yLabel={reported.length > 0 ? t('detail.recorded_series') : t('detail.cumulative')}
                    format={(v) => number(v)}
                    compare={reported.length > 0 ? { label: t('detail.reported_series'), points: reported } : undefined}
                    missing={t('detail.not_stated')}
                  />
                </Suspense>
              </div>
            </>
          );
        }}
      </DataState>
    </section>
  );
}

/** The census as CSV (with a BOM, so spreadsheets read Thai). */
function censusCsvHref(slug: string): string {
  return `/api/v1/networks/${encodeURIComponent(slug)}/census?format=csv&bom=true`;
}

/**
 * "Reported size": the sizes the network's organisers reported, newest first, each with its
 * sources; kept apart from the members recorded here.
 */
function Census({ network }: { network: Network }) {
  const { t } = useTranslation('networks');
  const { number, date } = useLocalized();
  const census = useQuery(networksQueries.census(network.slug));
  const stated = (value: number | null | undefined) =>
    value == null ? <span className="muted">{t('census.not_stated')}</span> : number(value);
  return (
    <section aria-labelledby="network-census">
      <h2 id="network-census">{t('census.heading')}</h2>
      <DataState query={census}>
        {(page) => {
          if (page.items.length === 0) return <p>{t('census.none')}</p>;
          const arrivals = page.items.some((e) => e.new_members != null || e.new_countries != null);
          const notes = page.items.some((e) => e.note);
          return (
            <>
              <p>{t('census.intro')}</p>
              <div className="table-wrap">
                <table className="data census-table">
                  <caption className="visually-hidden">{t('census.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('census.as_of')}</th>
                      <th scope="col" className="num">{t('census.members')}</th>
                      <th scope="col" className="num">{t('census.countries')}</th>
                      {arrivals && <th scope="col" className="num">{t('census.new_members')}</th>}
                      {arrivals && <th scope="col" className="num">{t('census.new_countries')}</th>}
                      {notes && <th scope="col">{t('census.note')}</th>}
                      <th scope="col">{t('census.sources')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((entry) => (
                      <tr key={entry.id}>
                        <th scope="row">
                          <time dateTime={entry.as_of}>{date(entry.as_of)}</time>
                        </th>
                        <td className="num">{stated(entry.members)}</td>
                        <td className="num">{stated(entry.countries)}</td>
                        {arrivals && <td className="num">{stated(entry.new_members)}</td>}
                        {arrivals && <td className="num">{stated(entry.new_countries)}</td>}
                        {notes && <td>{entry.note}</td>}
                        <td>
                          <Sources record={entry} label={t('census.sources_of', { date: date(entry.as_of) })} compact />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <a href={censusCsvHref(network.slug)} download>
                  {t('census.download_csv')}
                </a>
              </p>
            </>
          );
        }}
      </DataState>
    </section>
  );
}

/** The whole member list in this order as CSV (with a BOM, so spreadsheets read Thai). */
function csvHref(slug: string, sort: string): string {
  const params = new URLSearchParams({ sort, format: 'csv', bom: 'true' });
  return `/api/v1/networks/${encodeURIComponent(slug)}/members?${params.toString()}`;
}

/** The member list, sorted and paged as the URL says. */
function Members({ network, countryName }: { network: Network; countryName: (code: string) => string }) {
  const { t } = useTranslation(['networks', 'common']);
  const paging = useUrlPaging();
  const heading = useRef<HTMLHeadingElement>(null);
  const sort = oneOf(paging.params.get('sort'), SORTS) ?? 'joined';
  const query = { sort, cursor: paging.cursor, limit: PAGE_SIZE };
  const members = useQuery({ ...networksQueries.members(network.slug, query), placeholderData: keepPreviousData });
  const turn = (go: () => void) => {
    go();
    heading.current?.focus();
  };
  const page = members.data;
  return (
    <section aria-labelledby="network-members">
      <h2 id="network-members" ref={heading} tabIndex={-1}>
        {t('members.heading')}
      </h2>
      <div className="filters">
        <label>
          {t('members.sort')}
          <select value={sort} onChange={(e) => paging.set('sort', e.target.value)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {members.error ? (
        <>
          <ProblemAlert error={members.error} />
          {paging.hasPrevious && (
            <button type="button" onClick={paging.first}>
              {t('members.first_page')}
            </button>
          )}
        </>
      ) : !page ? (
        <p className="loading" role="status">
          {t('loading', { ns: 'common' })}
        </p>
      ) : page.items.length === 0 ? (
        <p>{t('detail.no_members')}</p>
      ) : (
        <div aria-busy={members.isPlaceholderData}>
          <MemberTable members={page.items} countryName={countryName} />
          <Pager
            shown={page.items.length}
            total={page.total}
            hasPrevious={paging.hasPrevious}
            hasNext={!!page.next_cursor}
            onPrevious={() => turn(paging.previous)}
            onNext={() => page.next_cursor && turn(() => paging.next(page.next_cursor ?? ''))}
          />
          <p>
            <a href={csvHref(network.slug, sort)} download>
              {t('members.download_csv')}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
