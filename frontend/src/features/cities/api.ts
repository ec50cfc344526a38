/** The learning cities: their query keys and reads. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { allPages } from '@/api/pages';
import type { paths } from '@/api/schema';

type ListQuery = NonNullable<paths['/api/v1/cities']['get']['parameters']['query']>;

/**
 * The query keys of the cities. Everything under `all` shows cities, so it is refreshed when a city
 * is created, edited, archived or restored.
 */
export const citiesKeys = {
  all: ['cities'] as const,
  list: (query: ListQuery) => [...citiesKeys.all, 'list', query] as const,
  group: (group: NonNullable<ListQuery['group']>) => [...citiesKeys.all, 'group', group] as const,
  details: () => [...citiesKeys.all, 'detail'] as const,
  detail: (slug: string) => [...citiesKeys.details(), slug] as const,
  awards: (slug: string) => [...citiesKeys.detail(slug), 'awards'] as const,
  evaluations: (slug: string) => [...citiesKeys.detail(slug), 'evaluations'] as const,
  initiatives: (slug: string) => [...citiesKeys.detail(slug), 'initiatives'] as const,
};

/** The reads of the cities, for `useQuery`. */
export const citiesQueries = {
  /** One page of the cities the query selects (the directory, the admin list, the city pickers). */
  list: (query: ListQuery) =>
    queryOptions({
      queryKey: citiesKeys.list(query),
      queryFn: () => unwrap(api.GET('/api/v1/cities', { params: { query } })),
    }),
  /** Every city of a country group (all pages), for the map. */
  group: (group: NonNullable<ListQuery['group']>) =>
    queryOptions({
      queryKey: citiesKeys.group(group),
      queryFn: () =>
        allPages((cursor) => unwrap(api.GET('/api/v1/cities', { params: { query: { group, limit: 200, cursor } } }))),
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: citiesKeys.detail(slug),
      queryFn: () => unwrap(api.GET('/api/v1/cities/{slug}', { params: { path: { slug } } })),
    }),
  /** The awards the city received in published cycles. */
  awards: (slug: string) =>
    queryOptions({
      queryKey: citiesKeys.awards(slug),
      queryFn: () =>
        unwrap(api.GET('/api/v1/cities/{slug}/awards', { params: { path: { slug }, query: { limit: 200 } } })),
    }),
  /** The city's published evaluation results. */
  evaluations: (slug: string) =>
    queryOptions({
      queryKey: citiesKeys.evaluations(slug),
      queryFn: () => unwrap(api.GET('/api/v1/cities/{slug}/evaluations', { params: { path: { slug } } })),
    }),
  /** The initiatives the city takes part in (programmes, not network memberships). */
  initiatives: (slug: string) =>
    queryOptions({
      queryKey: citiesKeys.initiatives(slug),
      queryFn: () => unwrap(api.GET('/api/v1/initiatives', { params: { query: { city: slug, limit: 200 } } })),
    }),
};
