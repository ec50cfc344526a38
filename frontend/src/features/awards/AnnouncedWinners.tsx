import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useLocalized } from '@/i18n/localized';

type Cycle = components['schemas']['Cycle'];

/** Winners recorded here for a published cycle: `recorded_winners`, else counted from `results`; `null` before publication. */
export function recordedWinners(cycle: Pick<Cycle, 'recorded_winners' | 'results'>): number | null {
  if (cycle.recorded_winners != null) return cycle.recorded_winners;
  if (!cycle.results) return null;
  return cycle.results.reduce((sum, r) => sum + r.winners.length, 0);
}

/**
 * How many winners a published cycle announced and how many of them are recorded here, where
 * fewer are recorded than announced; `null` where the record is complete, nothing is announced
 * or the results are not published.
 */
export function winnersShortfall(
  cycle: Pick<Cycle, 'announced_winners' | 'recorded_winners' | 'results'>,
): { announced: number; recorded: number } | null {
  const recorded = recordedWinners(cycle);
  const announced = cycle.announced_winners;
  if (recorded == null || announced == null || recorded >= announced) return null;
  return { announced, recorded };
}

/**
 * The words for a published cycle whose winners are not all recorded here: "16 winners announced;
 * none recorded here yet" or "16 winners announced; 3 recorded here"; `null` otherwise.
 */
export function useAnnouncedWinners() {
  const { t } = useTranslation('awards');
  const { number } = useLocalized();
  return (cycle: Pick<Cycle, 'announced_winners' | 'recorded_winners' | 'results'>): string | null => {
    const shortfall = winnersShortfall(cycle);
    if (!shortfall) return null;
    const values = { count: shortfall.announced, announced: number(shortfall.announced), recorded: number(shortfall.recorded) };
    return shortfall.recorded === 0 ? t('cycle.announced_none', values) : t('cycle.announced_some', values);
  };
}

/** {@link useAnnouncedWinners} as text, or nothing where the winners recorded here are complete. */
export function AnnouncedWinners({ cycle }: { cycle: Pick<Cycle, 'announced_winners' | 'recorded_winners' | 'results'> }) {
  const words = useAnnouncedWinners()(cycle);
  return words ? <>{words}</> : null;
}
