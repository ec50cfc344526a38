import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { useLocalized } from '@/i18n/localized';
import { homeQueries } from './api';

// Where each count of /stats/overview is browsed further.
const ONWARD: Record<string, string> = {
  cities: '/cities',
  countries: '/cities',
  networks: '/networks',
  active_memberships: '/networks',
  award_programmes: '/awards',
  published_cycles: '/awards',
  awards: '/awards',
  frameworks: '/results',
  published_evaluations: '/results',
};

/**
 * The headline counts of the platform, as `/stats/overview` gives them, each linking onward, with
 * a word that they count what is recorded here (and where to see how complete that is).
 */
export function KeyFigures() {
  const { t } = useTranslation('home');
  const { text, number } = useLocalized();
  const query = useQuery(homeQueries.overview());
  return (
    <section aria-labelledby="home-figures">
      <h2 id="home-figures">{t('figures.title')}</h2>
      <DataState query={query}>
        {(data) => (
          <ul className="figures home-figures">
            {data.items.map((row) => {
              const label = text({ en: row.label_en, th: row.label_th });
              const body = (
                <>
                  <span className="figure-value">{number(row.count)}</span> <span className="figure-label">{label}</span>
                </>
              );
              const to = ONWARD[row.key];
              return (
                <li key={row.key} className="figure">
                  {to ? <Link to={to}>{body}</Link> : body}
                </li>
              );
            })}
          </ul>
        )}
      </DataState>
      <p className="home-figures-note">
        {t('figures.note')} <Link to="/data#coverage">{t('figures.coverage')}</Link>
      </p>
    </section>
  );
}
