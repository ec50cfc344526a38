/** Test data for the city editor's tests: Phayao's editor, an open cycle with two categories, and a nomination. */
import type { components } from '@/api/schema';
import { provenance } from '@/test/provenance';
import type { City, Cycle, Nomination, Programme } from './queries';

/** `GET /me` of Phayao's city editor. */
export const editor: components['schemas']['Me'] = {
  id: 8,
  email: 'editor@example.org',
  display_name: 'Phayao editor',
  role: 'city_editor',
  city: 'phayao',
};

export const city: City = {
  id: 1,
  slug: 'phayao',
  name: { en: 'Phayao', th: 'พะเยา' },
  country: 'TH',
  province: 'TH-56',
  population: 21000,
  population_year: null,
  population_source: null,
  website: 'https://phayao.example',
  memberships: [],
  ...provenance(),
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2026-02-01T00:00:00Z',
};

const category = (slug: string, en: string, th: string | null, position: number) => ({
  id: position,
  slug,
  cycle_id: 8,
  name: { en, th },
  position,
  programme: 'thailand-learning-city-awards',
  year: 2027,
});

export const equity = category('tlca-2027-equity', 'Learning City for Equity', 'เมืองแห่งการเรียนรู้เพื่อความเสมอภาค', 1);
export const economy = category('tlca-2027-economy', 'Learning City for Economy', null, 2);

export const cycle: Cycle = {
  id: 8,
  programme: 'thailand-learning-city-awards',
  year: 2027,
  status: 'open',
  title: { en: 'Thailand Learning City Awards 2027', th: 'รางวัลเมืองแห่งการเรียนรู้ 2570' },
  categories: [equity, economy],
  criteria: [],
  framework: 'kflc-v1',
  nominations_open_on: null,
  nominations_close_on: '2999-12-31',
  announced_winners: null,
  recorded_winners: null,
  ...provenance(),
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

export const programme: Programme = {
  id: 1,
  slug: 'thailand-learning-city-awards',
  name: { en: 'Thailand Learning City Awards', th: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย' },
  cycle_years: [2027],
  eligibility: { country: 'TH', notes: ['Open to Thai cities'] },
  organisations: [],
  ...provenance(),
};

export function nomination(extra: Partial<Nomination> = {}): Nomination {
  return {
    id: 41,
    category: 'tlca-2027-economy',
    city: 'phayao',
    city_name: { en: 'Phayao', th: 'พะเยา' },
    cycle_id: 8,
    status: 'submitted',
    statement: 'Our learning festival reaches every district.',
    evidence_links: ['https://phayao.example/festival'],
    created_at: '2026-03-01T00:00:00Z',
    updated_at: '2026-03-01T00:00:00Z',
    ...extra,
  };
}

export const page = <T,>(items: T[]) => ({ items, next_cursor: null, total: items.length });
