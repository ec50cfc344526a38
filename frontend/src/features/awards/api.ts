/** The award programmes, cycles, categories and nominations: their query keys, reads and writes. */
import { queryOptions } from '@tanstack/react-query';
import { answer, api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema';

type Cycle = components['schemas']['Cycle'];
type CycleInput = components['schemas']['CycleInput'];
type CycleStatus = components['schemas']['CycleStatus'];
type NominationInput = components['schemas']['NominationInput'];
type NominationStatus = components['schemas']['NominationStatus'];
type ProgrammeQuery = NonNullable<paths['/api/v1/award-programmes']['get']['parameters']['query']>;
type CycleQuery = NonNullable<paths['/api/v1/award-cycles']['get']['parameters']['query']>;
type NominationQuery = NonNullable<paths['/api/v1/nominations']['get']['parameters']['query']>;

/** A record with the version to send back as `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/** The query keys of the awards. */
export const awardsKeys = {
  all: ['awards'] as const,
  programmes: () => [...awardsKeys.all, 'programmes'] as const,
  programmeList: (query: ProgrammeQuery) => [...awardsKeys.programmes(), 'list', query] as const,
  programme: (slug: string) => [...awardsKeys.programmes(), 'detail', slug] as const,
  category: (slug: string) => [...awardsKeys.all, 'categories', slug] as const,
  /** Everything about cycles: lists, single cycles (with or without their ETag), rankings. */
  cycles: () => [...awardsKeys.all, 'cycles'] as const,
  cycleList: (query: CycleQuery) => [...awardsKeys.cycles(), 'list', query] as const,
  rankedCycles: () => [...awardsKeys.cycles(), 'ranked'] as const,
  cycle: (id: number) => [...awardsKeys.cycles(), 'detail', id] as const,
  versionedCycle: (id: number) => [...awardsKeys.cycles(), 'versioned', id] as const,
  ranking: (id: number, category: string, normalize: boolean) =>
    [...awardsKeys.cycle(id), 'ranking', category, normalize] as const,
  /** Every list of nominations: refreshed after a nomination or a withdrawal. */
  nominations: () => [...awardsKeys.all, 'nominations'] as const,
  nominationList: (query: NominationQuery) => [...awardsKeys.nominations(), query] as const,
};

/** The reads of the awards, for `useQuery`. */
export const awardsQueries = {
  /** One page of the award programmes. */
  programmeList: (query: ProgrammeQuery) =>
    queryOptions({
      queryKey: awardsKeys.programmeList(query),
      queryFn: () => unwrap(api.GET('/api/v1/award-programmes', { params: { query } })),
    }),
  /** One programme, with its eligibility rules. */
  programme: (slug: string) =>
    queryOptions({
      queryKey: awardsKeys.programme(slug),
      queryFn: () => unwrap(api.GET('/api/v1/award-programmes/{slug}', { params: { path: { slug } } })),
    }),
  category: (slug: string) =>
    queryOptions({
      queryKey: awardsKeys.category(slug),
      queryFn: () => unwrap(api.GET('/api/v1/award-categories/{slug}', { params: { path: { slug } } })),
    }),
  /** One page of the cycles the query selects (drafts included for staff). */
  cycleList: (query: CycleQuery) =>
    queryOptions({
      queryKey: awardsKeys.cycleList(query),
      queryFn: () => unwrap(api.GET('/api/v1/award-cycles', { params: { query } })),
    }),
  /** Every published cycle that has an evaluation framework, so a ranking, newest first. */
  rankedCycles: () =>
    queryOptions({
      queryKey: awardsKeys.rankedCycles(),
      queryFn: async (): Promise<Cycle[]> => {
        const cycles: Cycle[] = [];
        let cursor: string | undefined;
        do {
          const page = await unwrap(
            api.GET('/api/v1/award-cycles', { params: { query: { status: 'published', limit: 200, cursor } } }),
          );
          cycles.push(...page.items);
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
        return cycles.filter((c) => Boolean(c.framework));
      },
    }),
  cycle: (id: number) =>
    queryOptions({
      queryKey: awardsKeys.cycle(id),
      queryFn: () => unwrap(api.GET('/api/v1/award-cycles/{id}', { params: { path: { id } } })),
    }),
  /** One cycle with its ETag, for the writes that send it back as `If-Match`. */
  versionedCycle: (id: number) =>
    queryOptions({
      queryKey: awardsKeys.versionedCycle(id),
      queryFn: async (): Promise<Versioned<Cycle>> => {
        const { data, etag } = await awardsApi.loadCycle(id);
        return { data, etag };
      },
    }),
  /** The ranking of a category of a published cycle, optionally with normalised scores. */
  ranking: (id: number, category: string, normalize: boolean) =>
    queryOptions({
      queryKey: awardsKeys.ranking(id, category, normalize),
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/award-cycles/{id}/rankings', {
            params: { path: { id }, query: normalize ? { category, normalize: true } : { category } },
          }),
        ),
    }),
  /** One page of the nominations the query selects. */
  nominationList: (query: NominationQuery) =>
    queryOptions({
      queryKey: awardsKeys.nominationList(query),
      queryFn: () => unwrap(api.GET('/api/v1/nominations', { params: { query } })),
    }),
};

/** The writes of the awards. */
export const awardsApi = {
  createCycle: (body: CycleInput) => unwrap(api.POST('/api/v1/award-cycles', { body })),
  /** The cycle with its ETag, for a safe edit. */
  loadCycle: (id: number) => answer(api.GET('/api/v1/award-cycles/{id}', { params: { path: { id } } })),
  /** A merge patch, sent with `If-Match` when the version is known. */
  saveCycle: (id: number, patch: CycleInput, etag: string | null) =>
    answer(
      api.PATCH('/api/v1/award-cycles/{id}', {
        params: { path: { id }, header: etag ? { 'If-Match': etag } : undefined },
        body: patch,
        headers: { 'Content-Type': 'application/merge-patch+json' },
      }),
    ),
  /** Moves a cycle to its next stage, with the cycle's `If-Match`. */
  moveCycle: (cycle: Versioned<Cycle>, to: CycleStatus) =>
    answer(
      api.POST('/api/v1/award-cycles/{id}/status', {
        params: { path: { id: cycle.data.id }, header: cycle.etag ? { 'If-Match': cycle.etag } : undefined },
        body: { status: to },
      }),
    ),
  nominate: (body: NominationInput) => unwrap(api.POST('/api/v1/nominations', { body })),
  decide: (id: number, status: NominationStatus) =>
    unwrap(api.POST('/api/v1/nominations/{id}/decision', { params: { path: { id } }, body: { status } })),
  withdraw: (id: number) => unwrap(api.POST('/api/v1/nominations/{id}/withdraw', { params: { path: { id } } })),
};
