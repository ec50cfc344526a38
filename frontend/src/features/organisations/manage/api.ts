/**
 * The writes of the organisations (admin and secretariat). `load` answers an organisation with its
 * ETag; `save`, `archive` and the role writes send `If-Match`, and the role writes answer the
 * organisation with its new ETag.
 */
import { answer, api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

type OrganisationInput = components['schemas']['OrganisationInput'];
type RoleInput = components['schemas']['RoleInput'];

const MERGE_PATCH = { 'Content-Type': 'application/merge-patch+json' } as const;

export const organisationsApi = {
  create: (body: OrganisationInput) => unwrap(api.POST('/api/v1/organisations', { body })),
  load: (slug: string) => answer(api.GET('/api/v1/organisations/{slug}', { params: { path: { slug } } })),
  save: (slug: string, patch: OrganisationInput, etag: string | null) =>
    answer(
      api.PATCH('/api/v1/organisations/{slug}', {
        params: { path: { slug }, header: { 'If-Match': etag } },
        body: patch,
        headers: MERGE_PATCH,
      }),
    ),
  archive: (slug: string, etag: string | null) =>
    unwrap(api.DELETE('/api/v1/organisations/{slug}', { params: { path: { slug }, header: { 'If-Match': etag } } })),
  restore: (slug: string) => unwrap(api.POST('/api/v1/organisations/{slug}/restore', { params: { path: { slug } } })),
  addRole: (slug: string, body: RoleInput, etag: string | null) =>
    answer(api.POST('/api/v1/organisations/{slug}/roles', { params: { path: { slug }, header: { 'If-Match': etag } }, body })),
  removeRole: (slug: string, id: number, etag: string | null) =>
    answer(
      api.DELETE('/api/v1/organisations/{slug}/roles/{id}', { params: { path: { slug, id }, header: { 'If-Match': etag } } }),
    ),
};
