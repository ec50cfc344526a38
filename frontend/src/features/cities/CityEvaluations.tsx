import { Suspense, useId } from 'react';
import { Link } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { BarChart } from '@/components/charts';
import { DataState } from '@/components/DataState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { awardsQueries } from '@/features/awards';
import { evaluationsQueries } from '@/features/evaluations';
import { useLocalized } from '@/i18n/localized';
import { citiesQueries } from './api';

type Summary = components['schemas']['CityEvaluationSummary'];
type Cycle = components['schemas']['Cycle'];
type Round = components['schemas']['Round'];
type Framework = components['schemas']['Framework'];

const frameworksBySlug = (page: { items: Framework[] }) => new Map(page.items.map((f) => [f.slug, f]));
const roundsById = (page: { items: Round[] }) => new Map(page.items.map((r) => [r.id, r]));

interface Names {
  frameworks: Map<string, Framework> | undefined;
  cycles: Map<number, Cycle>;
  rounds: Map<number, Round> | undefined;
}

/**
 * The names a summary refers to by key: its framework, award cycle (with the category) or
 * monitoring round. Their own titles say when a record is a demo, so they are shown as they are.
 */
function useNames(items: Summary[]) {
  const cycleIds = [...new Set(items.flatMap((s) => (s.cycle_id != null ? [s.cycle_id] : [])))];
  const frameworks = useQuery({
    ...evaluationsQueries.frameworkList(),
    select: frameworksBySlug,
    enabled: items.length > 0,
    staleTime: Infinity,
  });
  const rounds = useQuery({
    ...evaluationsQueries.rounds(),
    select: roundsById,
    enabled: items.some((s) => s.round_id != null),
    staleTime: Infinity,
  });
  const cycles = useQueries({
    queries: cycleIds.map((id) => ({ ...awardsQueries.cycle(id), staleTime: Infinity })),
  });
  const names: Names = {
    frameworks: frameworks.data,
    rounds: rounds.data,
    cycles: new Map(cycles.flatMap((c) => (c.data ? [[c.data.id, c.data] as const] : []))),
  };
  const error = frameworks.error ?? rounds.error ?? cycles.find((c) => c.error)?.error;
  return { names, error };
}

/** One published result: what was evaluated, the overall mean, and the area means as a chart. */
function SummaryCard({ summary, names }: { summary: Summary; names: Names }) {
  const { t } = useTranslation('cities');
  const { text, number } = useLocalized();
  const heading = useId();
  const framework = names.frameworks?.get(summary.framework);
  const frameworkName = framework ? text(framework.name) : summary.framework;
  const cycle = summary.cycle_id != null ? names.cycles.get(summary.cycle_id) : undefined;
  const category = cycle?.categories.find((c) => c.slug === summary.category);
  const round = summary.round_id != null ? names.rounds?.get(summary.round_id) : undefined;
  const format = (value: number) => number(value, 1);

  let context: string;
  if (summary.context === 'award') {
    context = t('evaluations.award_context', {
      cycle: cycle ? text(cycle.title) : t('evaluations.cycle_fallback', { year: summary.year }),
      category: category ? text(category.name) : (summary.category ?? ''),
    });
  } else {
    context = t('evaluations.monitoring_context', {
      round: round ? text(round.title) : t('evaluations.round_fallback', { year: summary.year }),
    });
  }

  return (
    <section className="evaluation-summary" aria-labelledby={heading}>
      <h3 id={heading}>{t('evaluations.heading', { framework: frameworkName, year: summary.year })}</h3>
      <p>
        {summary.context === 'award' && summary.cycle_id != null ? (
          <Link to={`/awards/cycles/${summary.cycle_id}`}>{context}</Link>
        ) : (
          context
        )}
      </p>
      <dl className="figures">
        <div className="figure">
          <dt>{t('evaluations.overall')}</dt>
          <dd className="figure-value">{format(summary.mean)}</dd>
        </div>
        <div className="figure">
          <dt>{t('evaluations.count')}</dt>
          <dd className="figure-value">{number(summary.evaluations)}</dd>
        </div>
      </dl>
      <Suspense
        fallback={
          <p className="loading" role="status">
            {t('loading', { ns: 'common' })}
          </p>
        }
      >
        <BarChart
          title={t('evaluations.chart_title', { framework: frameworkName, context })}
          bars={[
            { label: t('evaluations.overall'), value: summary.mean },
            ...summary.areas.map((a) => ({ label: text(a.title), value: a.mean, note: a.area })),
          ]}
          max={100}
          format={format}
          labelHeader={t('evaluations.area')}
          valueLabel={t('evaluations.score')}
        />
      </Suspense>
      <div className="table-wrap" role="region" aria-labelledby={`${heading}-areas`} tabIndex={0}>
        <table className="data area-table">
          <caption id={`${heading}-areas`}>{t('evaluations.areas_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluations.area_code')}</th>
              <th scope="col">{t('evaluations.area')}</th>
              <th scope="col" className="num">
                {t('evaluations.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.areas.map((a) => (
              <tr key={a.area}>
                <td>{a.area}</td>
                <th scope="row">{text(a.title)}</th>
                <td className="num">{format(a.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A city's published evaluation results (`GET /api/v1/cities/{slug}/evaluations`), newest first. */
export function CityEvaluations({ slug }: { slug: string }) {
  const { t } = useTranslation('cities');
  const evaluations = useQuery(citiesQueries.evaluations(slug));
  const { names, error } = useNames(evaluations.data?.items ?? []);
  return (
    <DataState query={evaluations}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('evaluations.none')}</p>
        ) : (
          <>
            <p>{t('evaluations.intro')}</p>
            <ProblemAlert error={error} />
            {items.map((s) => (
              <SummaryCard key={`${s.context}-${s.cycle_id ?? ''}-${s.round_id ?? ''}-${s.category ?? ''}-${s.framework}`} summary={s} names={names} />
            ))}
          </>
        )
      }
    </DataState>
  );
}
