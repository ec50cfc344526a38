/**
 * The reference lists every page names things from: countries (ISO 3166-1) and Thai provinces
 * (ISO 3166-2:TH, with their regions). They change rarely, so each is read once per visit and
 * shared by every page that needs it.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { pick, useLocalized } from '@/i18n/localized';
import { api, unwrap } from './client';
import { allPages } from './pages';
import type { components } from './schema';

export type Country = components['schemas']['Country'];
export type Province = components['schemas']['Province'];
export type Region = components['schemas']['Region'];

/** The query keys of the reference lists. */
export const referenceKeys = {
  all: ['reference'] as const,
  countries: () => [...referenceKeys.all, 'countries'] as const,
  provinces: () => [...referenceKeys.all, 'provinces'] as const,
};

const ONCE_PER_VISIT = { staleTime: Infinity, gcTime: Infinity } as const;

/** The reads of the reference lists, for `useQuery`. */
export const referenceQueries = {
  /** Every country: the list has more rows than one page holds, so its pages are followed to the end. */
  countries: () =>
    queryOptions({
      queryKey: referenceKeys.countries(),
      queryFn: () =>
        allPages((cursor) => unwrap(api.GET('/api/v1/countries', { params: { query: { limit: 200, cursor } } }))),
      ...ONCE_PER_VISIT,
    }),
  /** The 77 Thai provinces. */
  provinces: () =>
    queryOptions({
      queryKey: referenceKeys.provinces(),
      queryFn: async () => (await unwrap(api.GET('/api/v1/provinces', { params: { query: { limit: 200 } } }))).items,
      ...ONCE_PER_VISIT,
    }),
};

const byCode = <T extends { code: string }>(rows: T[]) => new Map(rows.map((row) => [row.code, row]));

/** Countries by ISO code. */
export function useCountries() {
  return useQuery({ ...referenceQueries.countries(), select: byCode });
}

/** Thai provinces by ISO 3166-2 code. */
export function useProvinces() {
  return useQuery({ ...referenceQueries.provinces(), select: byCode });
}

/**
 * The API's country names by ISO code, in the current language. Until they have loaded (or if
 * they failed: `error`, for the page to show) a country is shown by its code.
 */
export function useCountryNames() {
  const { text } = useLocalized();
  const query = useCountries();
  return {
    error: query.error,
    name: (code: string) => {
      const country = query.data?.get(code);
      return country ? text(country.name) : code;
    },
  };
}

/** The regions named by the provinces, each once. */
export function regionsOf(provinces: Iterable<Province>): Region[] {
  const byKey = new Map<string, Region>();
  for (const p of provinces) if (!byKey.has(p.region.key)) byKey.set(p.region.key, p.region);
  return [...byKey.values()];
}

/** Orders records by their name in `language` (Thai names in Thai collation). */
export function byName(language: string) {
  return (a: { name: { en: string; th?: string | null } }, b: { name: { en: string; th?: string | null } }) =>
    pick(a.name, language).localeCompare(pick(b.name, language), language);
}
