/** The reference lists a city form chooses from: countries and Thai provinces. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { pick } from '@/i18n/localized';

export type Country = components['schemas']['Country'];
export type Province = components['schemas']['Province'];

async function allCountries(): Promise<Country[]> {
  const rows: Country[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/countries', { params: { query: { limit: 200, cursor } } }));
    rows.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return rows;
}

/** Every country (ISO 3166-1), by code. */
export function useCountries() {
  return useQuery({ queryKey: ['admin', 'countries'], queryFn: allCountries, staleTime: Infinity });
}

/** The 77 Thai provinces (ISO 3166-2:TH), by code. */
export function useProvinces() {
  return useQuery({
    queryKey: ['admin', 'provinces'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/provinces', { params: { query: { limit: 200 } } }))).items,
    staleTime: Infinity,
  });
}

/** Orders records by their name in `language` (Thai names in Thai collation). */
export function byName(language: string) {
  return (a: { name: { en: string; th?: string | null } }, b: { name: { en: string; th?: string | null } }) =>
    pick(a.name, language).localeCompare(pick(b.name, language), language);
}
