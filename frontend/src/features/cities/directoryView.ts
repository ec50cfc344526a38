/**
 * The state of the cities directory as it lives in the URL (`?q=…&country=TH&sort=-population&cursor=…`),
 * and its translation into the query of `GET /api/v1/cities`. The URL uses the API's own parameter
 * names, so a shared link and the CSV download name the same rows.
 */
import type { components, paths } from '@/api/schema';
import { oneOf } from '@/lib/choices';

/** The query parameters of `GET /api/v1/cities`. */
export type CityListQuery = NonNullable<paths['/api/v1/cities']['get']['parameters']['query']>;
export type CountryGroup = components['schemas']['CountryGroup'];
export type ThRegion = components['schemas']['ThRegion'];

/**
 * The documented sort whitelist (manual, docs/src/api.md, and the API's own `invalid_query` answer); the first is the
 * API's default. Sending one checks it against the contract's `CitySort`.
 */
export const SORTS = ['name', '-name', 'population', '-population', 'joined', '-joined'] as const;
export type CitySort = (typeof SORTS)[number];
/** The country groupings of the `group` filter. */
export const GROUPS = ['asean', 'asean_plus_3'] as const satisfies readonly CountryGroup[];
/** The six regions of the `th_region` filter. */
export const REGIONS = ['central', 'eastern', 'northeastern', 'northern', 'southern', 'western'] as const satisfies readonly ThRegion[];

/** What the directory shows: every filter, the order and the page. Empty strings mean "not set". */
export interface DirectoryView {
  q: string;
  country: string;
  province: string;
  group: CountryGroup | '';
  th_region: ThRegion | '';
  network: string;
  /** The API's join-year range, as written: `2020`, `2019..2022`, `2020..` or `..2022`. */
  member_since: string;
  sort: CitySort;
  cursor: string;
  /** Archived cities instead of public ones (staff only). */
  archived: boolean;
}

/** Reads the view from the URL's search parameters; unknown enum values count as unset. */
export function readView(params: URLSearchParams): DirectoryView {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  return {
    q: params.get('q') ?? '',
    country: get('country').toUpperCase(),
    province: get('province').toUpperCase(),
    group: oneOf(params.get('group'), GROUPS) ?? '',
    th_region: oneOf(params.get('th_region'), REGIONS) ?? '',
    network: get('network'),
    member_since: get('member_since'),
    sort: oneOf(params.get('sort'), SORTS) ?? 'name',
    cursor: params.get('cursor') ?? '',
    archived: params.get('archived') === 'true',
  };
}

/** The search parameters of a view, leaving out what is unset or the default. */
export function writeView(view: DirectoryView): URLSearchParams {
  const params = new URLSearchParams();
  // As typed (a trailing space may be followed by the next word); the API query is trimmed.
  if (view.q.trim()) params.set('q', view.q);
  if (view.country) params.set('country', view.country);
  if (view.province) params.set('province', view.province);
  if (view.group) params.set('group', view.group);
  if (view.th_region) params.set('th_region', view.th_region);
  if (view.network) params.set('network', view.network);
  if (view.member_since) params.set('member_since', view.member_since);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.archived) params.set('archived', 'true');
  if (view.cursor) params.set('cursor', view.cursor);
  return params;
}

/** The query of `GET /api/v1/cities` for a view; `archived` only when the user may ask for it. */
export function apiQuery(view: DirectoryView, staff: boolean): CityListQuery {
  const query: CityListQuery = {};
  const q = view.q.trim();
  if (q) query.q = q;
  if (view.country) query.country = view.country;
  if (view.province) query.province = view.province;
  if (view.group) query.group = view.group;
  if (view.th_region) query.th_region = view.th_region;
  if (view.network) query.network = view.network;
  if (view.member_since) query.member_since = view.member_since;
  if (view.sort !== 'name') query.sort = view.sort;
  if (view.archived && staff) query.archived = true;
  if (view.cursor) query.cursor = view.cursor;
  return query;
}

/** The address of the whole filtered list as CSV (with a BOM, so spreadsheets read Thai). */
export function csvHref(view: DirectoryView, staff: boolean): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(apiQuery({ ...view, cursor: '' }, staff))) params.set(key, String(value));
  params.set('format', 'csv');
  params.set('bom', 'true');
  return `/api/v1/cities?${params.toString()}`;
}

/** A four-digit year, or empty. */
export const YEAR = /^[0-9]{4}$/;

/** Splits `member_since` into the years of its two ends (empty where open). */
export function splitRange(range: string): { from: string; to: string } {
  const [from = '', to] = range.split('..');
  return to === undefined ? { from, to: from } : { from, to };
}

/** Joins two years (each four digits or empty) into `member_since`. */
export function joinRange(from: string, to: string): string {
  if (from && to) return from === to ? from : `${from}..${to}`;
  if (from) return `${from}..`;
  if (to) return `..${to}`;
  return '';
}
