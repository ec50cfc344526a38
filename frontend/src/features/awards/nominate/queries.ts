/** The reads of the city editor's workspace, shared by its pages. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { citiesQueries } from '@/features/cities';
import { awardsQueries } from '@/features/awards/api';

export type City = components['schemas']['City'];
export type Cycle = components['schemas']['Cycle'];
export type Nomination = components['schemas']['Nomination'];
export type Programme = components['schemas']['Programme'];

/** The city the editor keeps. */
export function useCity(slug: string) {
  return useQuery(citiesQueries.detail(slug));
}

/** The cycles open for nominations, with their categories. */
export function useOpenCycles() {
  return useQuery(awardsQueries.cycleList({ status: 'open', limit: 200 }));
}

/** Every cycle the editor may see, by id (to name the cycle and category of a nomination). */
export function useCyclesById() {
  return useQuery({
    ...awardsQueries.cycleList({ limit: 200 }),
    select: (page) => new Map(page.items.map((c) => [c.id, c])),
  });
}

/** The award programmes by slug (their names and eligibility rules). */
export function useProgrammes() {
  return useQuery({
    ...awardsQueries.programmeList({ limit: 200 }),
    select: (page) => new Map(page.items.map((p) => [p.slug, p])),
  });
}

/** The city's nominations, one page from `cursor`. */
export function useNominations(city: string, cursor?: string) {
  return useQuery({ ...awardsQueries.nominationList({ city, cursor, limit: 100 }), placeholderData: keepPreviousData });
}

/** Today in UTC (`YYYY-MM-DD`), the day the API checks the nomination window against. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether a cycle's nomination window includes `today`: `before`, `open` or `after`. An unset end is open. */
export function windowState(cycle: Cycle, today: string): 'before' | 'open' | 'after' {
  if (cycle.nominations_open_on && today < cycle.nominations_open_on) return 'before';
  if (cycle.nominations_close_on && today > cycle.nominations_close_on) return 'after';
  return 'open';
}
