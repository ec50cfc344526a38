/** Canned API answers for the cities tests, shaped as `openapi.yaml` describes them. */
import type { components } from '@/api/schema';
import { provenance } from '@/test/provenance';

type City = components['schemas']['City'];
type CityMembership = components['schemas']['CityMembership'];

export const gnlc: CityMembership = {
  id: 1,
  network: 'unesco-gnlc',
  network_name: { en: 'UNESCO Global Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้โลกของยูเนสโก' },
  role: 'member',
  status: 'active',
  joined_year: 2020,
  joined_on: '2020-09-10',
  source_url: 'https://www.uil.unesco.org/en/learning-cities',
  ...provenance(),
};

export const thaiNetwork: CityMembership = {
  id: 2,
  network: 'thailand-learning-cities',
  network_name: { en: 'Thailand Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย' },
  role: 'secretariat',
  status: 'active',
  joined_year: 2023,
  ...provenance(),
};

/** A city as the API answers it; `overrides` change single fields. */
export function city(overrides: Partial<City> = {}): City {
  return {
    id: 1,
    slug: 'phayao',
    name: { en: 'Phayao', th: 'พะเยา' },
    country: 'TH',
    province: 'TH-56',
    population: 21058,
    population_year: null,
    population_source: null,
    area_km2: null,
    lat: 19.16667,
    lon: 99.9,
    geonames_id: 1607552,
    website: 'https://www.phayaocity.go.th',
    description: { en: 'A city on Kwan Phayao lake.', th: 'เมืองริมกว๊านพะเยา' },
    memberships: [gnlc],
    ...provenance(),
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-06-01T00:00:00Z',
    ...overrides,
  };
}

export const cork = city({
  id: 2,
  slug: 'cork',
  name: { en: 'Cork', th: null },
  country: 'IE',
  province: null,
  population: 190384,
  lat: 51.89797,
  lon: -8.47061,
  geonames_id: 2965140,
  website: null,
  description: null,
  memberships: [{ ...gnlc, id: 3, joined_year: 2015, joined_on: null }],
});

/** A page of the cities list. */
export function page(items: City[], total = items.length, next_cursor: string | null = null) {
  return { items, total, next_cursor };
}

export const countries = {
  items: [
    { code: 'IE', name: { en: 'Ireland', th: 'ไอร์แลนด์' }, groups: [] },
    { code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean', 'asean_plus_3'] },
  ],
  total: 2,
  next_cursor: null,
};

export const provinces = {
  items: [
    {
      code: 'TH-56',
      dopa_code: '56',
      name: { en: 'Phayao', th: 'พะเยา' },
      region: { key: 'northern', name: { en: 'Northern', th: 'ภาคเหนือ' } },
      lat: 19.3,
      lon: 100.1,
    },
    {
      code: 'TH-40',
      dopa_code: '40',
      name: { en: 'Khon Kaen', th: 'ขอนแก่น' },
      region: { key: 'northeastern', name: { en: 'Northeastern', th: 'ภาคตะวันออกเฉียงเหนือ' } },
      lat: 16.4,
      lon: 102.5,
    },
  ],
  total: 2,
  next_cursor: null,
};

export const networks = {
  items: [
    {
      id: 1,
      slug: 'unesco-gnlc',
      name: gnlc.network_name,
      scope: 'global',
      status: 'active',
      member_count: 128,
      reported: null,
      ...provenance(),
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
    },
    {
      id: 2,
      slug: 'thailand-learning-cities',
      name: thaiNetwork.network_name,
      scope: 'national',
      status: 'active',
      member_count: 0,
      reported: null,
      ...provenance(),
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
    },
  ],
  total: 2,
  next_cursor: null,
};

/** The reference lists both pages read. */
export const reference = {
  'GET /api/v1/countries': { body: countries },
  'GET /api/v1/provinces': { body: provinces },
  'GET /api/v1/networks': { body: networks },
};
