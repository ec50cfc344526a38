/** The enumerations of the organisations as the UI orders them, and small helpers over their records. */
import type { components } from '@/api/schema';

export type Organisation = components['schemas']['Organisation'];
export type OrganisationKind = components['schemas']['OrganisationKind'];
export type OrganisationLink = components['schemas']['OrganisationLink'];
export type OrganisationRole = components['schemas']['OrganisationRole'];
export type RoleKind = components['schemas']['RoleKind'];
export type RoleTarget = components['schemas']['RoleTarget'];
type Abbreviation = components['schemas']['Abbreviation'];

/** The kinds of organisation, in the order of the contract (and of the kind filter). */
export const KINDS = [
  'un_agency',
  'ministry',
  'government_agency',
  'public_fund',
  'university',
  'learning_centre',
  'ngo',
  'network_body',
  'international_partner',
  'other',
] as const satisfies readonly OrganisationKind[];

/** The roles, the ones that run a record first (an organisation with several roles is listed by its first). */
export const ROLES = [
  'lead',
  'secretariat',
  'coordinator',
  'organiser',
  'co_host',
  'funder',
  'partner',
  'supporter',
] as const satisfies readonly RoleKind[];

/** What roles are held in, in the order the organisation page groups them. */
export const TARGETS = ['network', 'award_programme', 'initiative', 'event'] as const satisfies readonly RoleTarget[];

/**
 * The SPA page of the record a role is held in, where there is one: networks, award programmes
 * and events; initiatives have no page of their own yet.
 */
export function subjectPath(kind: RoleTarget, slug: string): string | null {
  const key = encodeURIComponent(slug);
  if (kind === 'network') return `/networks/${key}`;
  if (kind === 'award_programme') return `/awards/${key}`;
  if (kind === 'event') return `/events/${key}`;
  return null;
}

/** The abbreviation in `language`, else in the other language; null where none is recorded. */
export function pickAbbreviation(abbreviation: Abbreviation | null | undefined, language: string): string | null {
  const en = abbreviation?.en?.trim() || null;
  const th = abbreviation?.th?.trim() || null;
  return language === 'th' ? (th ?? en) : (en ?? th);
}

const rank = (role: string) => {
  const i = (ROLES as readonly string[]).indexOf(role);
  return i < 0 ? ROLES.length : i;
};

/** An organisation as a network or programme names it, with every role it holds there. */
export interface LinkedOrganisation {
  slug: string;
  name: OrganisationLink['name'];
  abbreviation?: OrganisationLink['abbreviation'];
  roles: Pick<OrganisationLink, 'role' | 'from_year' | 'to_year'>[];
}

/**
 * The API's links (one per role, by name) as one entry per organisation with its roles, the
 * organisations that run the record (lead, secretariat, ...) first, by name within a role.
 */
export function groupLinks(links: readonly OrganisationLink[]): LinkedOrganisation[] {
  const bySlug = new Map<string, LinkedOrganisation>();
  for (const link of links) {
    let entry = bySlug.get(link.slug);
    if (!entry) {
      entry = { slug: link.slug, name: link.name, abbreviation: link.abbreviation, roles: [] };
      bySlug.set(link.slug, entry);
    }
    entry.roles.push({ role: link.role, from_year: link.from_year, to_year: link.to_year });
  }
  const entries = [...bySlug.values()];
  for (const entry of entries) entry.roles.sort((a, b) => rank(a.role) - rank(b.role));
  // A stable sort: within a role the API's order (by name) stays.
  return entries.sort((a, b) => rank(a.roles[0]?.role ?? '') - rank(b.roles[0]?.role ?? ''));
}

/** A role's years as message key and values: "since 2025", "until 2020", "2019–2022", "in 2021", or none. */
export function yearsOf(role: { from_year?: number | null; to_year?: number | null }): [string, Record<string, number>] | null {
  const from = role.from_year ?? null;
  const to = role.to_year ?? null;
  if (from != null && to != null) return from === to ? ['years.in', { year: from }] : ['years.range', { from, to }];
  if (from != null) return ['years.since', { from }];
  if (to != null) return ['years.until', { to }];
  return null;
}
