/** Records shaped as the API answers them, for the component tests of the staff screens. */
import type { components } from '@/api/schema';
import { provenance } from './provenance';

type Cycle = components['schemas']['Cycle'];
type Evaluation = components['schemas']['Evaluation'];
type Nomination = components['schemas']['Nomination'];

const at = '2026-03-01T08:00:00Z';
const category = { cycle_id: 8, programme: 'thailand-learning-city-awards', year: 2027 };

/** A cycle of the Thailand programme with two categories. */
export function cycleFixture(overrides: Partial<Cycle> = {}): Cycle {
  return {
    id: 8,
    programme: 'thailand-learning-city-awards',
    year: 2027,
    title: { en: 'Thailand Learning City Awards 2027', th: 'รางวัลเมืองแห่งการเรียนรู้ 2570' },
    status: 'open',
    criteria: ['Vision'],
    categories: [
      { ...category, id: 21, slug: 'tlca-2027-equity', name: { en: 'Equity', th: 'ความเสมอภาค' }, position: 1 },
      { ...category, id: 22, slug: 'tlca-2027-economy', name: { en: 'Economy', th: 'เศรษฐกิจ' }, position: 2 },
    ],
    framework: 'kflc-v1',
    nominations_open_on: '2027-01-01',
    nominations_close_on: '2027-06-30',
    announced_winners: null,
    recorded_winners: null,
    ...provenance(),
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

/** A nomination of Phayao in the equity category of {@link cycleFixture}. */
export function nominationFixture(overrides: Partial<Nomination> = {}): Nomination {
  return {
    id: 5,
    cycle_id: 8,
    category: 'tlca-2027-equity',
    city: 'phayao',
    city_name: { en: 'Phayao', th: 'พะเยา' },
    status: 'submitted',
    evidence_links: [],
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

/** An evaluation of Phayao's nomination by evaluator 4. */
export function evaluationFixture(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    id: 31,
    evaluator_id: 4,
    framework: 'kflc-v1',
    city: 'phayao',
    city_name: { en: 'Phayao', th: 'พะเยา' },
    nomination_id: 5,
    status: 'submitted',
    areas: [],
    scores: [],
    overall: 62.5,
    submitted_at: at,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

/** A problem answer as the API sends it. */
export function problem(status: number, code: string, detail: string, errors: { field: string; message: string }[] = []) {
  return { status, body: { type: `urn:learning-city:problem:${code}`, title: code, status, detail, code, errors } };
}

/** A one-page list answer. */
export function page<T>(items: T[]) {
  return { body: { items, next_cursor: null, total: items.length } };
}
