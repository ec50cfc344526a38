/** The network form's values and their conversion to and from the API's `Network` and `NetworkInput`. */
import type { components } from '@/api/schema';
import { localizedPatch, numberOrNull, numberText, textOrNull } from '@/features/admin/shared';
import {
  emptyProvenance,
  provenanceCreateBody,
  provenancePatch,
  provenanceValues,
  type ProvenanceValues,
} from '@/features/admin/provenanceForm';

export type Network = components['schemas']['Network'];
export type NetworkInput = components['schemas']['NetworkInput'];
export type NetworkScope = components['schemas']['NetworkScope'];
export type NetworkStatus = components['schemas']['NetworkStatus'];

export const NETWORK_SCOPES: readonly NetworkScope[] = ['global', 'regional', 'national'];
export const NETWORK_STATUSES: readonly NetworkStatus[] = ['active', 'planned', 'inactive'];

/** The form's fields, named by the API's field paths. */
export const NETWORK_FIELDS = [
  'slug',
  'name.en',
  'name.th',
  'scope',
  'status',
  'country',
  'secretariat.en',
  'secretariat.th',
  'founded_year',
  'website',
  'description.en',
  'description.th',
] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];
/** The text fields, plus the sources and the "not verified" mark. */
export type NetworkValues = Record<NetworkField, string> & ProvenanceValues;

/** An empty form for a new network. */
export function emptyNetwork(): NetworkValues {
  const values = Object.fromEntries(NETWORK_FIELDS.map((f) => [f, ''])) as Record<NetworkField, string>;
  values.scope = 'national';
  values.status = 'active';
  return { ...values, ...emptyProvenance() };
}

/** The form values of a network. */
export function networkValues(n: Network): NetworkValues {
  return {
    slug: n.slug,
    'name.en': n.name.en,
    'name.th': n.name.th ?? '',
    scope: n.scope,
    status: n.status,
    country: n.country ?? '',
    'secretariat.en': n.secretariat?.en ?? '',
    'secretariat.th': n.secretariat?.th ?? '',
    founded_year: numberText(n.founded_year),
    website: n.website ?? '',
    'description.en': n.description?.en ?? '',
    'description.th': n.description?.th ?? '',
    ...provenanceValues(n),
  };
}

function isScope(value: string): value is NetworkScope {
  return (NETWORK_SCOPES as readonly string[]).includes(value);
}

function isStatus(value: string): value is NetworkStatus {
  return (NETWORK_STATUSES as readonly string[]).includes(value);
}

/** A merge patch with exactly the fields in `changes` (empty text clears a field). */
export function networkPatch(changes: Partial<NetworkValues>): NetworkInput {
  const patch: NetworkInput = {};
  if (changes.slug !== undefined) patch.slug = textOrNull(changes.slug);
  const name = localizedPatch(changes, 'name');
  if (name) patch.name = name;
  if (changes.scope !== undefined) patch.scope = isScope(changes.scope) ? changes.scope : null;
  if (changes.status !== undefined) patch.status = isStatus(changes.status) ? changes.status : null;
  if (changes.country !== undefined) patch.country = textOrNull(changes.country);
  const secretariat = localizedPatch(changes, 'secretariat');
  if (secretariat) patch.secretariat = secretariat;
  if (changes.founded_year !== undefined) patch.founded_year = numberOrNull(changes.founded_year);
  if (changes.website !== undefined) patch.website = textOrNull(changes.website);
  const description = localizedPatch(changes, 'description');
  if (description) patch.description = description;
  return { ...patch, ...provenancePatch(changes) };
}

/** The body of `POST /networks`: every filled field, the sources and the mark. */
export function networkCreateBody(values: NetworkValues): NetworkInput {
  const filled: Partial<NetworkValues> = {};
  for (const field of NETWORK_FIELDS) {
    if (values[field].trim() !== '') filled[field] = values[field];
  }
  return { ...networkPatch(filled), ...provenanceCreateBody(values) };
}
