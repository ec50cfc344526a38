/** The networks of learning cities: their query keys and reads. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { allPages } from '@/api/pages';
import type { paths } from '@/api/schema';

type ListQuery = NonNullable<paths['/api/v1/networks']['get']['parameters']['query']>;
type MembersQuery = NonNullable<paths['/api/v1/networks/{slug}/members']['get']['parameters']['query']>;

/** The query keys of the networks; everything under `all` is refreshed when a network or membership changes. */
export const networksKeys = {
  all: ['networks'] as const,
  list: (query: ListQuery) => [...networksKeys.all, 'list', query] as const,
  everyNetwork: () => [...networksKeys.all, 'every'] as const,
  detail: (slug: string) => [...networksKeys.all, 'detail', slug] as const,
  members: (slug: string, query: MembersQuery) => [...networksKeys.detail(slug), 'members', query] as const,
  allMembers: (slug: string) => [...networksKeys.detail(slug), 'members', 'all'] as const,
  growth: (slug: string) => [...networksKeys.detail(slug), 'growth'] as const,
  census: (slug: string) => [...networksKeys.detail(slug), 'census'] as const,
};

/** The reads of the networks, for `useQuery`. */
export const networksQueries = {
  /** One page of the networks. */
  list: (query: ListQuery) =>
    queryOptions({
      queryKey: networksKeys.list(query),
      queryFn: () => unwrap(api.GET('/api/v1/networks', { params: { query } })),
    }),
  /** Every (live) network: few enough for the first page of 200. */
  everyNetwork: () =>
    queryOptions({
      queryKey: networksKeys.everyNetwork(),
      queryFn: () => unwrap(api.GET('/api/v1/networks', { params: { query: { limit: 200 } } })),
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: networksKeys.detail(slug),
      queryFn: () => unwrap(api.GET('/api/v1/networks/{slug}', { params: { path: { slug } } })),
    }),
  /** One page of a network's members. */
  members: (slug: string, query: MembersQuery) =>
    queryOptions({
      queryKey: networksKeys.members(slug, query),
      queryFn: () => unwrap(api.GET('/api/v1/networks/{slug}/members', { params: { path: { slug }, query } })),
    }),
  /** Every member of a network (all pages), for the map. */
  allMembers: (slug: string) =>
    queryOptions({
      queryKey: networksKeys.allMembers(slug),
      queryFn: () =>
        allPages((cursor) =>
          unwrap(api.GET('/api/v1/networks/{slug}/members', { params: { path: { slug }, query: { limit: 200, cursor } } })),
        ),
    }),
  /** The running total of a network's members by the year they joined. */
  growth: (slug: string) =>
    queryOptions({
      queryKey: networksKeys.growth(slug),
      queryFn: () => unwrap(api.GET('/api/v1/stats/membership-growth', { params: { query: { network: slug } } })),
    }),
  /**
   * The network's census: the sizes its organisers reported, newest first (one page of 200, more
   * than any network has reports).
   */
  census: (slug: string) =>
    queryOptions({
      queryKey: networksKeys.census(slug),
      queryFn: () => unwrap(api.GET('/api/v1/networks/{slug}/census', { params: { path: { slug }, query: { limit: 200 } } })),
    }),
};
