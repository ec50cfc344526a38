/**
 * The reference lists the cities pages name things from: countries, Thai provinces (with their
 * regions) and networks. They change rarely, so they are read once per visit.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type Country = components['schemas']['Country'];
export type Province = components['schemas']['Province'];
export type Network = components['schemas']['Network'];
export type Region = components['schemas']['Region'];

const REFERENCE = { staleTime: Infinity, gcTime: Infinity } as const;

/** Every country: the list has more rows than one page holds, so its pages are followed to the end. */
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

/** Countries by ISO code. */
export function useCountries() {
  return useQuery({
    queryKey: ['cities', 'reference', 'countries'],
    queryFn: async () => new Map((await allCountries()).map((c) => [c.code, c])),
    ...REFERENCE,
  });
}

/** The 77 Thai provinces by ISO 3166-2 code. */
export function useProvinces() {
  return useQuery({
    queryKey: ['cities', 'reference', 'provinces'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/provinces', { params: { query: { limit: 200 } } }));
      return new Map(page.items.map((p) => [p.code, p]));
    },
    ...REFERENCE,
  });
}

/** The networks, in the API's order. */
export function useNetworks() {
  return useQuery({
    queryKey: ['cities', 'reference', 'networks'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/networks', { params: { query: { limit: 200 } } }))).items,
    ...REFERENCE,
  });
}

/** The regions named by the provinces, each once. */
export function regionsOf(provinces: Iterable<Province>): Region[] {
  const byKey = new Map<string, Region>();
  for (const p of provinces) if (!byKey.has(p.region.key)) byKey.set(p.region.key, p.region);
  return [...byKey.values()];
}
