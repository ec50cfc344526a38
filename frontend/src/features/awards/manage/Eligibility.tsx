import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { awardsQueries } from '@/features/awards/api';

/** The eligibility rules a programme's nominations were checked against, as the API states them. */
export function Eligibility({ programme }: { programme: string }) {
  const { t } = useTranslation('manage');
  const query = useQuery(awardsQueries.programme(programme));
  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t('eligibility.heading')}</h2>
      <p className="muted">{t('eligibility.intro')}</p>
      <DataState query={query}>
        {(p) => {
          const e = p.eligibility;
          const rules = [
            e.country && t('eligibility.country', { country: e.country }),
            e.network &&
              t('eligibility.membership', { network: e.network, months: e.min_membership_months ?? 0 }),
            e.cooldown_years != null && t('eligibility.cooldown', { years: e.cooldown_years }),
            e.max_winners_per_country != null && t('eligibility.winners', { n: e.max_winners_per_country }),
          ].filter((r): r is string => !!r);
          return (
            <>
              {rules.length === 0 ? <p>{t('eligibility.none')}</p> : <ul>{rules.map((r) => <li key={r}>{r}</li>)}</ul>}
              {e.notes.length > 0 && (
                <details>
                  <summary>{t('eligibility.notes')}</summary>
                  <ul lang="en">
                    {e.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </DataState>
    </section>
  );
}
