/** The membership form's values and their conversion to and from the API's `Membership` and `MembershipInput`. */
import type { components } from '@/api/schema';
import { numberOrNull, numberText, textOrNull } from '@/features/admin/shared';
import {
  emptyProvenance,
  provenanceCreateBody,
  provenancePatch,
  provenanceValues,
  type ProvenanceValues,
} from '@/features/admin/provenanceForm';

export type Membership = components['schemas']['Membership'];
export type MembershipInput = components['schemas']['MembershipInput'];
export type MembershipRole = components['schemas']['MembershipRole'];
export type MembershipStatus = components['schemas']['MembershipStatus'];

export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['member', 'secretariat', 'mentor'];
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['active', 'former', 'suspended'];

/** The fields that can change after creation (`city` and `network` cannot). */
export const MEMBERSHIP_FIELDS = ['joined_year', 'joined_on', 'left_year', 'role', 'status', 'source_url', 'note'] as const;
export type MembershipField = (typeof MEMBERSHIP_FIELDS)[number];
/** The text fields, plus the sources and the "not verified" mark. */
export type MembershipValues = Record<MembershipField, string> & ProvenanceValues;
/** The create form: the changeable fields plus the city and the network. */
export type NewMembershipValues = MembershipValues & { city: string; network: string };

/** An empty form for a new membership. */
export function emptyMembership(city: string, network: string): NewMembershipValues {
  return {
    city,
    network,
    joined_year: '',
    joined_on: '',
    left_year: '',
    role: 'member',
    status: 'active',
    source_url: '',
    note: '',
    ...emptyProvenance(),
  };
}

/** The form values of a membership. */
export function membershipValues(m: Membership): MembershipValues {
  return {
    joined_year: numberText(m.joined_year),
    joined_on: m.joined_on ?? '',
    left_year: numberText(m.left_year),
    role: m.role,
    status: m.status,
    source_url: m.source_url ?? '',
    note: m.note ?? '',
    ...provenanceValues(m),
  };
}

/** A merge patch with exactly the fields in `changes` (empty text clears a field). */
export function membershipPatch(changes: Partial<MembershipValues>): MembershipInput {
  const patch: MembershipInput = {};
  if (changes.joined_year !== undefined) patch.joined_year = numberOrNull(changes.joined_year);
  if (changes.joined_on !== undefined) patch.joined_on = textOrNull(changes.joined_on);
  if (changes.left_year !== undefined) patch.left_year = numberOrNull(changes.left_year);
  if (changes.role !== undefined) patch.role = MEMBERSHIP_ROLES.find((r) => r === changes.role) ?? null;
  if (changes.status !== undefined) patch.status = MEMBERSHIP_STATUSES.find((s) => s === changes.status) ?? null;
  if (changes.source_url !== undefined) patch.source_url = textOrNull(changes.source_url);
  if (changes.note !== undefined) patch.note = textOrNull(changes.note);
  return { ...patch, ...provenancePatch(changes) };
}

/** The body of `POST /memberships`: the city, the network, every filled field, the sources and the mark. */
export function membershipCreateBody(values: NewMembershipValues): MembershipInput {
  const filled: Partial<MembershipValues> = {};
  for (const field of MEMBERSHIP_FIELDS) {
    if (values[field].trim() !== '') filled[field] = values[field];
  }
  return {
    city: textOrNull(values.city),
    network: textOrNull(values.network),
    ...membershipPatch(filled),
    ...provenanceCreateBody(values),
  };
}
