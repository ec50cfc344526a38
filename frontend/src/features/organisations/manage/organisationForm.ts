/** The organisation form's values and their conversion to and from the API's `Organisation` and `OrganisationInput`. */
import type { components } from '@/api/schema';
import {
  emptyProvenance,
  localizedPatch,
  provenanceCreateBody,
  provenancePatch,
  provenanceValues,
  textOrNull,
  type ProvenanceValues,
} from '@/features/admin';
import { KINDS, type Organisation, type OrganisationKind } from '../model';

export type OrganisationInput = components['schemas']['OrganisationInput'];

/** The form's fields, named by the API's field paths. */
export const ORGANISATION_FIELDS = [
  'slug',
  'name.en',
  'name.th',
  'abbreviation.en',
  'abbreviation.th',
  'kind',
  'country',
  'website',
  'description.en',
  'description.th',
] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
/** The text fields, plus the sources and the "not verified" mark. */
export type OrganisationValues = Record<OrganisationField, string> & ProvenanceValues;

/** An empty form for a new organisation. */
export function emptyOrganisation(): OrganisationValues {
  const values = Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, ''])) as Record<OrganisationField, string>;
  values.kind = 'other';
  return { ...values, ...emptyProvenance() };
}

/** The form values of an organisation. */
export function organisationValues(o: Organisation): OrganisationValues {
  return {
    slug: o.slug,
    'name.en': o.name.en,
    'name.th': o.name.th ?? '',
    'abbreviation.en': o.abbreviation?.en ?? '',
    'abbreviation.th': o.abbreviation?.th ?? '',
    kind: o.kind,
    country: o.country ?? '',
    website: o.website ?? '',
    'description.en': o.description?.en ?? '',
    'description.th': o.description?.th ?? '',
    ...provenanceValues(o),
  };
}

export function isKind(value: string): value is OrganisationKind {
  return (KINDS as readonly string[]).includes(value);
}

/** A merge patch with exactly the fields in `changes` (empty text clears a field). */
export function organisationPatch(changes: Partial<OrganisationValues>): OrganisationInput {
  const patch: OrganisationInput = {};
  if (changes.slug !== undefined) patch.slug = textOrNull(changes.slug);
  const name = localizedPatch(changes, 'name');
  if (name) patch.name = name;
  const abbreviation = localizedPatch(changes, 'abbreviation');
  if (abbreviation) patch.abbreviation = abbreviation;
  if (changes.kind !== undefined) patch.kind = isKind(changes.kind) ? changes.kind : null;
  if (changes.country !== undefined) patch.country = textOrNull(changes.country);
  if (changes.website !== undefined) patch.website = textOrNull(changes.website);
  const description = localizedPatch(changes, 'description');
  if (description) patch.description = description;
  return { ...patch, ...provenancePatch(changes) };
}

/** The body of `POST /organisations`: every filled field, the sources and the mark. */
export function organisationCreateBody(values: OrganisationValues): OrganisationInput {
  const filled: Partial<OrganisationValues> = {};
  for (const field of ORGANISATION_FIELDS) {
    if (values[field].trim() !== '') filled[field] = values[field];
  }
  return { ...organisationPatch(filled), ...provenanceCreateBody(values) };
}
