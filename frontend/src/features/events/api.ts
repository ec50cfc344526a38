/** The events: their query keys, reads and writes. */
import { queryOptions } from '@tanstack/react-query';
import { answer, api, unwrap } from '@/api/client';
import type { CityEventListQuery, EventInput, EventListQuery } from './model';

const MERGE_PATCH = { 'Content-Type': 'application/merge-patch+json' } as const;

/**
 * The query keys of the events. Everything under `all` shows events (the city profiles and the
 * home page too), so it is refreshed when one is created, edited, published, returned or archived.
 */
export const eventsKeys = {
  all: ['events'] as const,
  list: (query: EventListQuery) => [...eventsKeys.all, 'list', query] as const,
  detail: (slug: string) => [...eventsKeys.all, 'detail', slug] as const,
  city: (slug: string, query: CityEventListQuery) => [...eventsKeys.all, 'city', slug, query] as const,
  series: () => [...eventsKeys.all, 'series'] as const,
};

/** The reads of the events, for `useQuery`. */
export const eventsQueries = {
  /** One page of the events the query selects (by default upcoming first, then past, then undated). */
  list: (query: EventListQuery) =>
    queryOptions({
      queryKey: eventsKeys.list(query),
      queryFn: () => unwrap(api.GET('/api/v1/events', { params: { query } })),
    }),
  /** One event with its agenda, cities, organisers and sources. */
  detail: (slug: string) =>
    queryOptions({
      queryKey: eventsKeys.detail(slug),
      queryFn: () => unwrap(api.GET('/api/v1/events/{slug}', { params: { path: { slug } } })),
    }),
  /** The published events a city takes part in or hosts. */
  city: (slug: string, query: CityEventListQuery) =>
    queryOptions({
      queryKey: eventsKeys.city(slug, query),
      queryFn: () => unwrap(api.GET('/api/v1/cities/{slug}/events', { params: { path: { slug }, query } })),
    }),
  /** Every series of gatherings with its editions. */
  series: () =>
    queryOptions({
      queryKey: eventsKeys.series(),
      queryFn: () => unwrap(api.GET('/api/v1/event-series')),
      staleTime: 10 * 60_000,
    }),
};

/**
 * The writes of the events. `load` answers an event with its ETag; `save`, `archive`, `publish`
 * and `giveBack` send `If-Match` with it.
 */
export const eventsApi = {
  create: (body: EventInput) => unwrap(api.POST('/api/v1/events', { body })),
  load: (slug: string) => answer(api.GET('/api/v1/events/{slug}', { params: { path: { slug } } })),
  save: (slug: string, patch: EventInput, etag: string | null) =>
    answer(
      api.PATCH('/api/v1/events/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } }, body: patch, headers: MERGE_PATCH }),
    ),
  archive: (slug: string, etag: string | null) =>
    unwrap(api.DELETE('/api/v1/events/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } } })),
  publish: (slug: string, etag: string | null) =>
    unwrap(api.POST('/api/v1/events/{slug}/publish', { params: { path: { slug }, header: { 'If-Match': etag } } })),
  giveBack: (slug: string, reason: string, etag: string | null) =>
    unwrap(
      api.POST('/api/v1/events/{slug}/return', { params: { path: { slug }, header: { 'If-Match': etag } }, body: { reason } }),
    ),
};
