/**
 * The evaluation frameworks, monitoring rounds, evaluations, conflicts of interest and their
 * statistics: query keys, reads and writes.
 */
import { queryOptions } from '@tanstack/react-query';
import { answer, api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema';

type AssignmentInput = components['schemas']['AssignmentInput'];
type ConflictInput = components['schemas']['ConflictInput'];
type RoundInput = components['schemas']['RoundInput'];
type ScoreInput = components['schemas']['ScoreInput'];
type EvaluationQuery = NonNullable<paths['/api/v1/evaluations']['get']['parameters']['query']>;
type AreasQuery = paths['/api/v1/evaluation-stats/areas']['get']['parameters']['query'];

/** The query keys of the evaluations. */
export const evaluationsKeys = {
  all: ['evaluations'] as const,
  /** Every list of evaluations: refreshed after an evaluator's write. */
  lists: () => [...evaluationsKeys.all, 'list'] as const,
  list: (query: EvaluationQuery) => [...evaluationsKeys.lists(), query] as const,
  /** One evaluation with its ETag, shared by the scoring page and its form. */
  detail: (id: number) => [...evaluationsKeys.all, 'detail', id] as const,
  frameworkList: () => [...evaluationsKeys.all, 'frameworks', 'list'] as const,
  framework: (slug: string) => [...evaluationsKeys.all, 'frameworks', 'detail', slug] as const,
  rounds: () => [...evaluationsKeys.all, 'rounds'] as const,
  evaluators: () => [...evaluationsKeys.all, 'evaluators'] as const,
  conflicts: (cursor: string | undefined) => [...evaluationsKeys.all, 'conflicts', cursor ?? null] as const,
  areas: (query: AreasQuery) => [...evaluationsKeys.all, 'areas', query] as const,
  citiesByCountry: () => [...evaluationsKeys.all, 'cities-by-country'] as const,
};

/** The reads of the evaluations, for `useQuery`. */
export const evaluationsQueries = {
  /** One page of the evaluations the query selects (an evaluator sees only their own). */
  list: (query: EvaluationQuery) =>
    queryOptions({
      queryKey: evaluationsKeys.list(query),
      queryFn: () => unwrap(api.GET('/api/v1/evaluations', { params: { query } })),
    }),
  /** One evaluation with its ETag (the `If-Match` of a submit). */
  detail: (id: number) =>
    queryOptions({
      queryKey: evaluationsKeys.detail(id),
      queryFn: () => answer(api.GET('/api/v1/evaluations/{id}', { params: { path: { id } } })),
    }),
  /** The framework versions (few: the first page of 200 holds them all). */
  frameworkList: () =>
    queryOptions({
      queryKey: evaluationsKeys.frameworkList(),
      queryFn: () => unwrap(api.GET('/api/v1/frameworks', { params: { query: { limit: 200 } } })),
    }),
  /** One framework with its areas and criteria. */
  framework: (slug: string) =>
    queryOptions({
      queryKey: evaluationsKeys.framework(slug),
      queryFn: () => unwrap(api.GET('/api/v1/frameworks/{slug}', { params: { path: { slug } } })),
    }),
  /** The monitoring rounds (the first page of 200). */
  rounds: () =>
    queryOptions({
      queryKey: evaluationsKeys.rounds(),
      queryFn: () => unwrap(api.GET('/api/v1/monitoring-rounds', { params: { query: { limit: 200 } } })),
    }),
  /** The evaluator accounts, for assigning evaluations and declaring conflicts. */
  evaluators: () =>
    queryOptions({
      queryKey: evaluationsKeys.evaluators(),
      queryFn: async () =>
        (await unwrap(api.GET('/api/v1/users', { params: { query: { role: 'evaluator', limit: 200 } } }))).items,
    }),
  /** One page of the declared conflicts of interest. */
  conflicts: (cursor: string | undefined) =>
    queryOptions({
      queryKey: evaluationsKeys.conflicts(cursor),
      queryFn: () => unwrap(api.GET('/api/v1/conflicts', { params: { query: { cursor, limit: 50 } } })),
    }),
  /** The mean score per area of a framework over published evaluations. */
  areas: (query: AreasQuery) =>
    queryOptions({
      queryKey: evaluationsKeys.areas(query),
      queryFn: () => unwrap(api.GET('/api/v1/evaluation-stats/areas', { params: { query } })),
    }),
  /** The countries with learning cities (the country filter of the area averages). */
  citiesByCountry: () =>
    queryOptions({
      queryKey: evaluationsKeys.citiesByCountry(),
      queryFn: () => unwrap(api.GET('/api/v1/stats/cities-by-country')),
    }),
};

/** The writes of the evaluation workflow. */
export const evaluationsApi = {
  assign: (body: AssignmentInput) => unwrap(api.POST('/api/v1/evaluations', { body })),
  giveBack: (id: number, reason: string) =>
    unwrap(api.POST('/api/v1/evaluations/{id}/return', { params: { path: { id } }, body: { reason } })),
  finalise: (id: number) => unwrap(api.POST('/api/v1/evaluations/{id}/finalise', { params: { path: { id } } })),
  saveScores: (id: number, scores: ScoreInput[]) =>
    answer(api.PUT('/api/v1/evaluations/{id}/scores', { params: { path: { id } }, body: { scores } })),
  /** Submits the scores, with `If-Match` when the version is known. */
  submit: (id: number, etag: string | null) =>
    answer(
      api.POST('/api/v1/evaluations/{id}/submit', {
        params: { path: { id } },
        headers: etag ? { 'If-Match': etag } : undefined,
      }),
    ),
  recuse: (id: number, reason: string) =>
    answer(api.POST('/api/v1/evaluations/{id}/recuse', { params: { path: { id } }, body: { reason } })),
  declareConflict: (body: ConflictInput) => unwrap(api.POST('/api/v1/conflicts', { body })),
  createRound: (body: RoundInput) => unwrap(api.POST('/api/v1/monitoring-rounds', { body })),
  publishRound: (id: number) => unwrap(api.POST('/api/v1/monitoring-rounds/{id}/publish', { params: { path: { id } } })),
};
