/**
 * What the assignment list and the scoring page show about an evaluation's context: the framework's
 * name, the monitoring round, and for award judging the cycle. An evaluator cannot read
 * nominations, so the cycle is found by asking, for each cycle that uses one of the evaluations'
 * frameworks, which of the evaluator's evaluations belong to it.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { awardsQueries } from '@/features/awards';
import { evaluationsQueries } from '@/features/evaluations/api';

export type Evaluation = components['schemas']['Evaluation'];
export type Framework = components['schemas']['Framework'];
type Cycle = components['schemas']['Cycle'];
type Round = components['schemas']['Round'];

/** The frameworks by slug. */
export function useFrameworks() {
  return useQuery({
    ...evaluationsQueries.frameworkList(),
    select: (page) => new Map(page.items.map((f) => [f.slug, f])),
  });
}

/** The monitoring rounds by id. */
export function useRounds(enabled: boolean) {
  return useQuery({
    ...evaluationsQueries.rounds(),
    select: (page) => new Map<number, Round>(page.items.map((r) => [r.id, r])),
    enabled,
  });
}

/** The award cycle of each award evaluation in `evaluations`, by evaluation id, and any error on the way. */
export function useCyclesOf(evaluations: Evaluation[]): { cycles: Map<number, Cycle>; error: unknown } {
  const frameworks = new Set(evaluations.filter((e) => e.nomination_id != null).map((e) => e.framework));
  const all = useQuery({ ...awardsQueries.cycleList({ limit: 200 }), enabled: frameworks.size > 0 });
  const candidates = (all.data?.items ?? []).filter((c) => c.framework && frameworks.has(c.framework));
  const members = useQueries({
    queries: candidates.map((cycle) => evaluationsQueries.list({ cycle: cycle.id, limit: 200 })),
  });
  const cycles = new Map<number, Cycle>();
  members.forEach((result, i) => {
    const cycle = candidates[i];
    if (!cycle) return;
    result.data?.items.forEach((e) => cycles.set(e.id, cycle));
  });
  return { cycles, error: all.error ?? members.find((m) => m.error)?.error ?? null };
}
