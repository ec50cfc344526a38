import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { useLocalized } from '@/i18n/localized';
import { awardsQueries } from '@/features/awards';
import { AreaAverages, type AreaFilters } from './AreaAverages';
import { RankingTable } from './RankingTable';
import './results.css';

type Cycle = components['schemas']['Cycle'];

/**
 * `/results`: the ranking of one category of a published cycle, optionally normalised per
 * evaluator, how it is computed, and the area averages over published evaluations. The chosen
 * cycle, category, normalisation and area filters are kept in the URL.
 */
export default function ResultsPage() {
  const { t } = useTranslation('results');
  const cycles = useQuery(awardsQueries.rankedCycles());
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <DataState query={cycles}>{(list) => <Results cycles={list} />}</DataState>
    </>
  );
}

function Results({ cycles }: { cycles: Cycle[] }) {
  const { t } = useTranslation('results');
  const { text } = useLocalized();
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const cycleParam = params.get('cycle');
  const cycle = cycleParam ? cycles.find((c) => String(c.id) === cycleParam) : cycles[0];
  const categoryParam = params.get('category');
  const category = cycle && (categoryParam ? cycle.categories.find((c) => c.slug === categoryParam) : cycle.categories[0]);
  const normalize = params.get('normalize') === 'true';
  const filters: AreaFilters = {
    framework: params.get('framework') ?? cycle?.framework ?? '',
    network: params.get('network') ?? '',
    country: params.get('country') ?? '',
    year: params.get('year') ?? '',
  };

  return (
    <>
      <section aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{t('ranking.title')}</h2>
        {cycles.length === 0 ? (
          <p className="alert alert-warning" role="status">
            {t('no_cycles')}
          </p>
        ) : (
          <>
            <div className="filters results-filters">
              <label>
                {t('cycle')}
                <select
                  value={cycle ? String(cycle.id) : ''}
                  onChange={(e) => update({ cycle: e.target.value, category: null })}
                >
                  {!cycle && <option value="">{t('choose')}</option>}
                  {cycles.map((c) => (
                    <option key={c.id} value={c.id}>
                      {text(c.title)}
                    </option>
                  ))}
                </select>
              </label>
              {cycle && (
                <label>
                  {t('category')}
                  <select value={category?.slug ?? ''} onChange={(e) => update({ category: e.target.value })}>
                    {!category && <option value="">{t('choose')}</option>}
                    {cycle.categories.map((c) => (
                      <option key={c.slug} value={c.slug}>
                        {text(c.name)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={normalize}
                  onChange={(e) => update({ normalize: e.target.checked ? 'true' : null })}
                />{' '}
                {t('normalize')}
              </label>
            </div>
            {cycleParam && !cycle && (
              <p className="alert alert-warning" role="status">
                {t('unknown_cycle')}
              </p>
            )}
            {cycle && categoryParam && !category && (
              <p className="alert alert-warning" role="status">
                {t('unknown_category')}
              </p>
            )}
            {cycle && category && (
              <Ranking
                cycleId={cycle.id}
                category={category.slug}
                normalize={normalize}
                cycleTitle={text(cycle.title)}
                categoryName={text(category.name)}
              />
            )}
          </>
        )}
      </section>
      <Method />
      <AreaAverages filters={filters} cycles={cycles} onChange={(name, value) => update({ [name]: value })} />
    </>
  );
}

interface RankingProps {
  cycleId: number;
  category: string;
  normalize: boolean;
  cycleTitle: string;
  categoryName: string;
}

function Ranking({ cycleId, category, normalize, cycleTitle, categoryName }: RankingProps) {
  const { t } = useTranslation('results');
  const query = useQuery(awardsQueries.ranking(cycleId, category, normalize));
  return (
    <DataState query={query}>
      {(ranking) => (
        <>
          <RankingTable ranking={ranking} category={categoryName} cycle={cycleTitle} />
          <p>
            {t('ranking.tie_break')} <q lang="en">{ranking.tie_break}</q>
          </p>
          <p className="muted">{t('ranking.framework', { framework: ranking.framework })}</p>
        </>
      )}
    </DataState>
  );
}

/** How the API combines the evaluators' scores (its documented method, in words). */
function Method() {
  const { t } = useTranslation('results');
  return (
    <section aria-labelledby="method-heading">
      <h2 id="method-heading">{t('method.title')}</h2>
      <ul>
        <li>{t('method.scale')}</li>
        <li>{t('method.counted')}</li>
        <li>{t('method.spread')}</li>
        <li>{t('method.normalize')}</li>
        <li>{t('method.ties')}</li>
        <li>{t('method.private')}</li>
      </ul>
    </section>
  );
}
