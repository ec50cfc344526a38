/** Small helpers shared by the administration pages: URL filters, value conversion. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';

/** What the signed-in staff member may do, as the API's rules say (the API still decides). */
export function useStaffRights() {
  const { hasRole } = useAuth();
  const admin = hasRole('admin');
  return {
    /** Manage accounts, restore archived records, read the audit log and API-key usage. */
    admin,
    /** Keep cities, networks and memberships, issue and revoke API keys. */
    staff: admin || hasRole('secretariat'),
  };
}

/**
 * Filters kept in the URL's query string, so a filtered view can be shared. `set` replaces one
 * value (an empty value removes it) and keeps the others.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((name: string) => params.get(name) ?? '', [params]);
  const set = useCallback(
    (changes: Record<string, string>) => {
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { params, get, set };
}

/** A form's text as the API wants it: trimmed, `null` when empty. */
export function textOrNull(value: string | boolean | undefined): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
}

/** A number typed into a form: `null` when empty. */
export function numberOrNull(value: string | boolean | undefined): number | null {
  const text = textOrNull(value);
  return text === null ? null : Number(text);
}

/** A number's form text: empty for null. */
export function numberText(value: number | null | undefined): string {
  return value == null ? '' : String(value);
}

/**
 * The bilingual part of a merge patch: `{ en, th }` from the form fields `<prefix>.en` and
 * `<prefix>.th`, with only the languages that changed; undefined when neither did.
 */
export function localizedPatch(
  changes: Record<string, string | boolean | undefined>,
  prefix: string,
): { en?: string | null; th?: string | null } | undefined {
  const en = changes[`${prefix}.en`];
  const th = changes[`${prefix}.th`];
  if (en === undefined && th === undefined) return undefined;
  return {
    ...(en !== undefined && { en: textOrNull(en) }),
    ...(th !== undefined && { th: textOrNull(th) }),
  };
}

/** Dates with times in the UI language (audit entries, key use). */
export function useDateTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'th' ? 'th-TH' : 'en-GB';
  return (value: string | null | undefined) =>
    value ? new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** A `datetime-local` input's value as an RFC 3339 time in UTC (empty stays empty). */
export function localToRfc3339(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An RFC 3339 time as a `datetime-local` input's value, in the browser's time zone. */
export function rfc3339ToLocal(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The sections of the administration, in the order of the tabs; some are for admins only. */
export const ADMIN_SECTIONS = [
  { path: 'cities', adminOnly: false },
  { path: 'networks', adminOnly: false },
  { path: 'organisations', adminOnly: false },
  { path: 'memberships', adminOnly: false },
  { path: 'events', adminOnly: false },
  { path: 'data-quality', adminOnly: false },
  { path: 'imports', adminOnly: false },
  { path: 'users', adminOnly: true },
  { path: 'api-keys', adminOnly: false },
  { path: 'audit', adminOnly: true },
] as const;

/** The name a page passed in the navigation state as `{ archived: name }` after archiving a record. */
export function archivedName(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('archived' in state)) return null;
  return typeof state.archived === 'string' ? state.archived : null;
}
