/**
 * The administration's reads and writes: accounts, memberships, API keys, the audit log, the
 * data-quality report, and the writes of cities and networks (their lists come from the cities and networks features).
 */
import { queryOptions } from '@tanstack/react-query';
import { answer, api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema';

type AccountInput = components['schemas']['AccountInput'];
type ApiKeyInput = components['schemas']['ApiKeyInput'];
type CityInput = components['schemas']['CityInput'];
type MembershipInput = components['schemas']['MembershipInput'];
type NetworkInput = components['schemas']['NetworkInput'];
type UserQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
type MemberQuery = NonNullable<paths['/api/v1/networks/{slug}/members']['get']['parameters']['query']>;
type ApiKeyQuery = NonNullable<paths['/api/v1/api-keys']['get']['parameters']['query']>;
type AuditQuery = NonNullable<paths['/api/v1/audit-log']['get']['parameters']['query']>;
type QualityQuery = NonNullable<paths['/api/v1/data-quality']['get']['parameters']['query']>;

const MERGE_PATCH = { 'Content-Type': 'application/merge-patch+json' } as const;

/** The query keys of the administration. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (query: UserQuery) => [...adminKeys.users(), 'list', query] as const,
  user: (id: number) => [...adminKeys.users(), 'detail', id] as const,
  memberships: () => [...adminKeys.all, 'memberships'] as const,
  members: (network: string, query: MemberQuery) => [...adminKeys.memberships(), 'network', network, query] as const,
  membership: (id: number) => [...adminKeys.memberships(), 'detail', id] as const,
  apiKeys: () => [...adminKeys.all, 'api-keys'] as const,
  apiKeyList: (query: ApiKeyQuery) => [...adminKeys.apiKeys(), 'list', query] as const,
  apiKeyUsage: (id: number) => [...adminKeys.apiKeys(), 'usage', id] as const,
  audit: (query: AuditQuery) => [...adminKeys.all, 'audit', query] as const,
  archived: (entity: string) => [...adminKeys.all, 'archived', entity] as const,
  dataQuality: (query: QualityQuery) => [...adminKeys.all, 'data-quality', query] as const,
};

/** The reads of the administration, for `useQuery`. */
export const adminQueries = {
  userList: (query: UserQuery) =>
    queryOptions({
      queryKey: adminKeys.userList(query),
      queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })),
    }),
  /** One page of a network's memberships, as staff see them (any status). */
  members: (network: string, query: MemberQuery) =>
    queryOptions({
      queryKey: adminKeys.members(network, query),
      queryFn: () => unwrap(api.GET('/api/v1/networks/{slug}/members', { params: { path: { slug: network }, query } })),
    }),
  apiKeyList: (query: ApiKeyQuery) =>
    queryOptions({
      queryKey: adminKeys.apiKeyList(query),
      queryFn: () => unwrap(api.GET('/api/v1/api-keys', { params: { query } })),
    }),
  apiKeyUsage: (id: number) =>
    queryOptions({
      queryKey: adminKeys.apiKeyUsage(id),
      queryFn: () => unwrap(api.GET('/api/v1/api-keys/{id}/usage', { params: { path: { id } } })),
    }),
  audit: (query: AuditQuery) =>
    queryOptions({
      queryKey: adminKeys.audit(query),
      queryFn: () => unwrap(api.GET('/api/v1/audit-log', { params: { query } })),
    }),
  /** The audit entries that archived and that restored records of one kind (first 200 of each). */
  archived: (entity: string) =>
    queryOptions({
      queryKey: adminKeys.archived(entity),
      queryFn: async () => {
        const [archives, restores] = await Promise.all(
          (['archive', 'restore'] as const).map((action) =>
            unwrap(api.GET('/api/v1/audit-log', { params: { query: { entity, action, limit: 200 } } })),
          ),
        );
        return { archives: archives?.items ?? [], restores: restores?.items ?? [] };
      },
    }),
  /** What is missing or doubtful in the public records (of one kind, when given), with a count of each kind. */
  dataQuality: (query: QualityQuery) =>
    queryOptions({
      queryKey: adminKeys.dataQuality(query),
      queryFn: () => unwrap(api.GET('/api/v1/data-quality', { params: { query } })),
      // A to-do list: coming back from an editor should show what is left, not a minute-old answer.
      staleTime: 0,
    }),
};


/**
 * The writes of the administration. Each `load` answers a record with its ETag and each `save`
 * sends a merge patch with `If-Match`, for a safe edit; `archive` sends `If-Match` too.
 */
export const adminApi = {
  createCity: (body: CityInput) => unwrap(api.POST('/api/v1/cities', { body })),
  loadCity: (slug: string) => answer(api.GET('/api/v1/cities/{slug}', { params: { path: { slug } } })),
  saveCity: (slug: string, patch: CityInput, etag: string | null) =>
    answer(
      api.PATCH('/api/v1/cities/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } }, body: patch, headers: MERGE_PATCH }),
    ),
  archiveCity: (slug: string, etag: string | null) =>
    unwrap(api.DELETE('/api/v1/cities/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } } })),
  restoreCity: (slug: string) => unwrap(api.POST('/api/v1/cities/{slug}/restore', { params: { path: { slug } } })),

  createNetwork: (body: NetworkInput) => unwrap(api.POST('/api/v1/networks', { body })),
  loadNetwork: (slug: string) => answer(api.GET('/api/v1/networks/{slug}', { params: { path: { slug } } })),
  saveNetwork: (slug: string, patch: NetworkInput, etag: string | null) =>
    answer(
      api.PATCH('/api/v1/networks/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } }, body: patch, headers: MERGE_PATCH }),
    ),
  archiveNetwork: (slug: string, etag: string | null) =>
    unwrap(api.DELETE('/api/v1/networks/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } } })),
  restoreNetwork: (slug: string) => unwrap(api.POST('/api/v1/networks/{slug}/restore', { params: { path: { slug } } })),

  createMembership: (body: MembershipInput) => unwrap(api.POST('/api/v1/memberships', { body })),
  loadMembership: (id: number) => answer(api.GET('/api/v1/memberships/{id}', { params: { path: { id } } })),
  saveMembership: (id: number, patch: MembershipInput, etag: string | null) =>
    answer(
      api.PATCH('/api/v1/memberships/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: patch, headers: MERGE_PATCH }),
    ),
  archiveMembership: (id: number, etag: string | null) =>
    unwrap(api.DELETE('/api/v1/memberships/{id}', { params: { path: { id }, header: { 'If-Match': etag } } })),
  restoreMembership: (id: number) => unwrap(api.POST('/api/v1/memberships/{id}/restore', { params: { path: { id } } })),

  createUser: (body: AccountInput) => unwrap(api.POST('/api/v1/users', { body })),
  loadUser: (id: number) => answer(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  saveUser: (id: number, patch: AccountInput, etag: string | null) =>
    answer(api.PATCH('/api/v1/users/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: patch, headers: MERGE_PATCH })),
  deactivateUser: (id: number, etag: string | null) =>
    unwrap(api.DELETE('/api/v1/users/{id}', { params: { path: { id }, header: { 'If-Match': etag } } })),

  issueApiKey: (body: ApiKeyInput) => unwrap(api.POST('/api/v1/api-keys', { body })),
  revokeApiKey: (id: number) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
};
