import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { awardsQueries, useAnnouncedWinners } from '@/features/awards';
import { useLocalized } from '@/i18n/localized';

type Cycle = components['schemas']['Cycle'];

/** How many published cycles the home page shows. */
const LATEST = 3;

/**
 * The winners of the newest published award cycles, per category, linking to the cities; where
 * fewer winners are recorded here than were announced, it says how many of them.
 */
export function LatestAwards() {
  const { t } = useTranslation('home');
  const query = useQuery(awardsQueries.cycleList({ status: 'published', limit: LATEST }));
  return (
    <section aria-labelledby="home-awards">
      <h2 id="home-awards">{t('awards.heading')}</h2>
      <DataState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('awards.none')}</p>
          ) : (
            <ul className="cards">
              {page.items.map((cycle) => (
                <CycleCard key={cycle.id} cycle={cycle} />
              ))}
            </ul>
          )
        }
      </DataState>
      <p>
        <Link to="/awards">{t('awards.all')}</Link>
      </p>
    </section>
  );
}

function CycleCard({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('home');
  const { text } = useLocalized();
  const results = (cycle.results ?? []).filter((r) => r.winners.length > 0);
  const shortfall = useAnnouncedWinners()(cycle);
  const categoryName = (slug: string) => {
    const category = cycle.categories.find((c) => c.slug === slug);
    return category ? text(category.name) : slug;
  };
  const several = results.length > 1;
  return (
    <li className="card">
      <h3 className="home-cycle-title">
        <Link to={`/awards/cycles/${cycle.id}`}>{text(cycle.title)}</Link>
      </h3>
      {cycle.ceremony && <p className="muted">{t('awards.ceremony', { ceremony: text(cycle.ceremony) })}</p>}
      {cycle.summary && <p>{text(cycle.summary)}</p>}
      {shortfall && <p className="home-shortfall">{shortfall}</p>}
      {results.length === 0 ? (
        !shortfall && <p>{t('awards.no_winners')}</p>
      ) : (
        results.map((result) => (
          <div key={result.category}>
            {several && <h4 className="home-category">{categoryName(result.category)}</h4>}
            <ul className="home-winners" aria-label={t('awards.winners_of', { category: categoryName(result.category) })}>
              {result.winners.map((city) => (
                <li key={city.slug}>
                  <Link to={`/cities/${city.slug}`}>{text(city.name)}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </li>
  );
}
