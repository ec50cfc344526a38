import { Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { BarChart } from '@/components/charts';
import { DataState } from '@/components/DataState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { networksQueries } from '@/features/networks';
import { useLocalized } from '@/i18n/localized';
import { evaluationsQueries } from '@/features/evaluations/api';
import { useScoreFormat } from './format';

type Cycle = components['schemas']['Cycle'];

/** The area filters, as kept in the URL (empty string: no filter). */
export interface AreaFilters {
  framework: string;
  network: string;
  country: string;
  year: string;
}

interface Props {
  filters: AreaFilters;
  onChange(name: keyof AreaFilters, value: string): void;
  /** The published cycles with a framework, for the years to choose from. */
  cycles: Cycle[];
}

/** One filter of the area averages: a labelled select whose empty value (`unset`) means no filter. */
function FilterSelect({
  label,
  value,
  options,
  unset,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  unset?: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {unset !== undefined && <option value="">{unset}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Keeps `current` among the options even when the list does not have it, so the select shows it. */
function withCurrent(options: { value: string; label: string }[], current: string) {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}

/**
 * The mean score per area of a framework over published evaluations (GET
 * /evaluation-stats/areas), filtered by network, country and year, as a bar chart.
 */
export function AreaAverages({ filters, onChange, cycles }: Props) {
  const { t } = useTranslation('results');
  const { text, language } = useLocalized();
  const format = useScoreFormat();
  const frameworks = useQuery(evaluationsQueries.frameworkList());
  const networks = useQuery(networksQueries.everyNetwork());
  const countries = useQuery(evaluationsQueries.citiesByCountry());
  const rounds = useQuery(evaluationsQueries.rounds());
  const { framework, network, country, year } = filters;
  const areas = useQuery({
    ...evaluationsQueries.areas({
      framework,
      network: network || undefined,
      country: country || undefined,
      year: year ? Number(year) : undefined,
    }),
    enabled: Boolean(framework),
  });

  const frameworkOptions = withCurrent(
    (frameworks.data?.items ?? []).map((f) => ({ value: f.slug, label: `${text(f.name)} (${f.slug})` })),
    framework,
  );
  const networkOptions = withCurrent(
    (networks.data?.items ?? []).map((n) => ({ value: n.slug, label: text(n.name) })),
    network,
  );
  const countryOptions = withCurrent(
    (countries.data?.items ?? []).map((c) => ({
      value: c.key,
      label: language === 'th' && c.label_th ? c.label_th : c.label_en,
    })),
    country,
  );
  const years = new Set<number>();
  for (const c of cycles) if (c.framework === framework) years.add(c.year);
  for (const r of rounds.data?.items ?? []) if (r.status === 'published' && r.framework === framework) years.add(r.year);
  const yearOptions = withCurrent(
    [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) })),
    year,
  );
  const labelOf = (options: { value: string; label: string }[], value: string) =>
    options.find((o) => o.value === value)?.label ?? value;
  const scope = [
    labelOf(frameworkOptions, framework),
    network ? labelOf(networkOptions, network) : t('areas.all_networks'),
    country ? labelOf(countryOptions, country) : t('areas.all_countries'),
    year || t('areas.all_years'),
  ].join(' · ');
  const download = new URLSearchParams({ framework });
  if (network) download.set('network', network);
  if (country) download.set('country', country);
  if (year) download.set('year', year);
  download.set('format', 'csv');
  download.set('bom', 'true');

  return (
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading">{t('areas.title')}</h2>
      <p>{t('areas.intro')}</p>
      <ProblemAlert error={frameworks.error ?? networks.error ?? countries.error ?? rounds.error} />
      <div className="filters results-filters">
        <FilterSelect
          label={t('areas.framework')}
          value={framework}
          options={frameworkOptions}
          unset={framework ? undefined : t('choose')}
          onChange={(value) => onChange('framework', value)}
        />
        <FilterSelect
          label={t('areas.network')}
          value={network}
          options={networkOptions}
          unset={t('areas.all_networks')}
          onChange={(value) => onChange('network', value)}
        />
        <FilterSelect
          label={t('areas.country')}
          value={country}
          options={countryOptions}
          unset={t('areas.all_countries')}
          onChange={(value) => onChange('country', value)}
        />
        <FilterSelect
          label={t('areas.year')}
          value={year}
          options={yearOptions}
          unset={t('areas.all_years')}
          onChange={(value) => onChange('year', value)}
        />
      </div>
      {framework ? (
        <DataState query={areas}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="alert alert-warning" role="status">
                {t('areas.empty')}
              </p>
            ) : (
              <>
                <div className="chart-box">
                  <Suspense
                    fallback={
                      <p className="loading" role="status">
                        {t('loading', { ns: 'common' })}
                      </p>
                    }
                  >
                    <BarChart
                      title={t('areas.chart_title', { scope })}
                      bars={data.items.map((a) => ({
                        label: text(a.title),
                        value: a.mean,
                        note: t('areas.note', { cities: a.cities, evaluations: a.evaluations }),
                      }))}
                      max={100}
                      format={format.score}
                      valueLabel={t('areas.mean')}
                      labelHeader={t('areas.area')}
                    />
                  </Suspense>
                </div>
                <details>
                  <summary>{t('areas.figures')}</summary>
                  <div className="table-wrap">
                    <table className="data">
                      <caption>{t('areas.chart_title', { scope })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('areas.area')}</th>
                          <th scope="col" className="num">
                            {t('areas.mean')}
                          </th>
                          <th scope="col" className="num">
                            {t('areas.cities')}
                          </th>
                          <th scope="col" className="num">
                            {t('areas.evaluations')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.items.map((a) => (
                          <tr key={a.area}>
                            <th scope="row">{text(a.title)}</th>
                            <td className="num">{format.score(a.mean)}</td>
                            <td className="num">{a.cities}</td>
                            <td className="num">{a.evaluations}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
                <p>
                  <a href={`/api/v1/evaluation-stats/areas?${download.toString()}`}>{t('areas.download')}</a>
                </p>
              </>
            )
          }
        </DataState>
      ) : (
        <p role="status">{t('areas.choose_framework')}</p>
      )}
    </section>
  );
}
