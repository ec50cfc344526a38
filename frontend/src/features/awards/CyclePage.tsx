import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '@/api/reference';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Sources } from '@/components/Sources';
import { useLocalized } from '@/i18n/localized';
import { useAnnouncedWinners } from './AnnouncedWinners';
import { awardsQueries } from './api';
import { CycleStatus } from './CycleStatus';
import './awards.css';

type Cycle = components['schemas']['Cycle'];
type Category = components['schemas']['Category'];
type ResultCity = components['schemas']['ResultCity'];

/**
 * `/awards/cycles/:id`: one cycle with its dates, sources and criteria, and per category the
 * winners once the cycle is published (nominations themselves are never public), saying so where
 * fewer winners are recorded here than were announced.
 */
export default function CyclePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('awards');
  const { text } = useLocalized();
  const query = useQuery(awardsQueries.cycle(Number(id)));
  return (
    <>
      <PageTitle>{query.data ? text(query.data.title) : t('cycle.title')}</PageTitle>
      <DataState query={query}>{(cycle) => <CycleDetails cycle={cycle} />}</DataState>
    </>
  );
}

function CycleDetails({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('awards');
  const { text, date } = useLocalized();
  const programme = useQuery(awardsQueries.programme(cycle.programme));
  const programmeName = programme.data ? text(programme.data.name) : cycle.programme;
  return (
    <>
      <ProblemAlert error={programme.error} />
      <dl className="facts award-facts">
        <dt>{t('cycle.programme')}</dt>
        <dd>
          <Link to={`/awards/${cycle.programme}`}>{programmeName}</Link>
        </dd>
        <dt>{t('cycle.year')}</dt>
        <dd>{cycle.year}</dd>
        <dt>{t('cycle.status')}</dt>
        <dd>
          <CycleStatus status={cycle.status} />
        </dd>
        {(cycle.nominations_open_on || cycle.nominations_close_on) && (
          <>
            <dt>{t('cycle.nominations')}</dt>
            <dd>
              {t('cycle.window', {
                from: date(cycle.nominations_open_on) || '…',
                to: date(cycle.nominations_close_on) || '…',
              })}
            </dd>
          </>
        )}
        {(cycle.ceremony_on || cycle.ceremony) && (
          <>
            <dt>{t('cycle.ceremony')}</dt>
            <dd>{cycle.ceremony ? text(cycle.ceremony) : date(cycle.ceremony_on)}</dd>
          </>
        )}
        {cycle.published_at && (
          <>
            <dt>{t('cycle.published_at')}</dt>
            <dd>{date(cycle.published_at)}</dd>
          </>
        )}
      </dl>
      <Sources record={cycle} fallbackUrl={cycle.source_url} label={t('cycle.sources_of', { cycle: text(cycle.title) })} />
      {cycle.summary && <p>{text(cycle.summary)}</p>}
      <Results cycle={cycle} />
      {cycle.criteria.length > 0 && (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('cycle.criteria')}</h2>
          <ol>
            {cycle.criteria.map((criterion) => (
              <li key={criterion}>{criterion}</li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function Results({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('awards');
  const countries = useCountryNames();
  const winnersOf = new Map((cycle.results ?? []).map((r) => [r.category, r.winners]));
  const ranked = cycle.status === 'published' && Boolean(cycle.framework);
  const shortfall = useAnnouncedWinners()(cycle);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('cycle.categories')}</h2>
      {!cycle.results && (
        <p className="alert alert-warning" role="status">
          {t('cycle.not_published')}
        </p>
      )}
      {shortfall && <p className="alert alert-warning">{t('cycle.incomplete', { shortfall })}</p>}
      <ProblemAlert error={countries.error} />
      {cycle.categories.length === 0 && <p>{t('cycle.no_categories')}</p>}
      {cycle.categories.map((category) => (
        <CategoryResults
          key={category.slug}
          cycle={cycle}
          category={category}
          winners={cycle.results ? (winnersOf.get(category.slug) ?? []) : null}
          countryName={countries.name}
          ranked={ranked}
        />
      ))}
    </section>
  );
}

interface CategoryProps {
  cycle: Cycle;
  category: Category;
  /** `null` while the cycle's results are not published. */
  winners: ResultCity[] | null;
  countryName(code: string): string;
  /** Whether the category may have a public ranking (published, with a framework). */
  ranked: boolean;
}

function CategoryResults({ cycle, category, winners, countryName, ranked }: CategoryProps) {
  const { t } = useTranslation('awards');
  const { text } = useLocalized();
  const ranking = useQuery({ ...awardsQueries.ranking(cycle.id, category.slug, false), enabled: ranked });
  const evaluated = ranking.data?.entries.length ?? 0;
  return (
    <article className="award-category">
      <h3>{text(category.name)}</h3>
      {category.description && <p>{text(category.description)}</p>}
      {winners &&
        (winners.length === 0 ? (
          <p>{t('cycle.no_winners')}</p>
        ) : (
          <>
            <h4>{t('cycle.winners')}</h4>
            <ul>
              {winners.map((city) => (
                <li key={city.slug}>
                  <Link to={`/cities/${city.slug}`}>{text(city.name)}</Link>{' '}
                  <span className="muted">({countryName(city.country)})</span>
                </li>
              ))}
            </ul>
          </>
        ))}
      <ProblemAlert error={ranking.error} />
      {evaluated > 0 && (
        <p>
          <Link to={`/results?cycle=${cycle.id}&category=${encodeURIComponent(category.slug)}`}>
            {t('cycle.ranking_link', { category: text(category.name), n: evaluated })}
          </Link>
        </p>
      )}
    </article>
  );
}
