/** The organisations behind the networks, programmes, events and initiatives: their query keys and reads. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { paths } from '@/api/schema';

export type OrganisationListQuery = NonNullable<paths['/api/v1/organisations']['get']['parameters']['query']>;

/** The query keys of the organisations; everything under `all` is refreshed when one changes. */
export const organisationsKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationListQuery) => [...organisationsKeys.all, 'list', query] as const,
  detail: (slug: string) => [...organisationsKeys.all, 'detail', slug] as const,
};

/** The reads of the organisations, for `useQuery`. */
export const organisationsQueries = {
  /** One page of the organisations, by name. */
  list: (query: OrganisationListQuery) =>
    queryOptions({
      queryKey: organisationsKeys.list(query),
      queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query } })),
    }),
  /** One organisation with its roles. */
  detail: (slug: string) =>
    queryOptions({
      queryKey: organisationsKeys.detail(slug),
      queryFn: () => unwrap(api.GET('/api/v1/organisations/{slug}', { params: { path: { slug } } })),
    }),
};
