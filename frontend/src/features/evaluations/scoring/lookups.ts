/**
 * What the assignment list and the scoring page show about an evaluation's context: the framework's
 * name, the monitoring round, and for award judging the cycle. An evaluator cannot read
 * nominations, so the cycle is found by asking, for each cycle that uses one of the evaluations'
 * frameworks, which of the evaluator's evaluations belong to it.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type Evaluation = components['schemas']['Evaluation'];
export type Framework = components['schemas']['Framework'];
type Cycle = components['schemas']['Cycle'];
type Round = components['schemas']['Round'];

/** The query key of one evaluation (its data and ETag), shared by the page and the form. */
export const evaluationKey = (id: number) => ['evaluation', id] as const;

/** The frameworks by slug. */
export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/frameworks', { params: { query: { limit: 200 } } })),
    select: (page) => new Map(page.items.map((f) => [f.slug, f])),
  });
}

/** The monitoring rounds by id. */
export function useRounds(enabled: boolean) {
  return useQuery({
    queryKey: ['monitoring-rounds', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring-rounds', { params: { query: { limit: 200 } } })),
    select: (page) => new Map<number, Round>(page.items.map((r) => [r.id, r])),
    enabled,
  });
}

/** The award cycle of each award evaluation in `evaluations`, by evaluation id, and any error on the way. */
export function useCyclesOf(evaluations: Evaluation[]): { cycles: Map<number, Cycle>; error: unknown } {
  const frameworks = new Set(evaluations.filter((e) => e.nomination_id != null).map((e) => e.framework));
  const all = useQuery({
    queryKey: ['award-cycles', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/award-cycles', { params: { query: { limit: 200 } } })),
    enabled: frameworks.size > 0,
  });
  const candidates = (all.data?.items ?? []).filter((c) => c.framework && frameworks.has(c.framework));
  const members = useQueries({
    queries: candidates.map((cycle) => ({
      queryKey: ['evaluations', { cycle: cycle.id }],
      queryFn: () => unwrap(api.GET('/api/v1/evaluations', { params: { query: { cycle: cycle.id, limit: 200 } } })),
    })),
  });
  const cycles = new Map<number, Cycle>();
  members.forEach((result, i) => {
    const cycle = candidates[i];
    if (!cycle) return;
    result.data?.items.forEach((e) => cycles.set(e.id, cycle));
  });
  return { cycles, error: all.error ?? members.find((m) => m.error)?.error ?? null };
}
