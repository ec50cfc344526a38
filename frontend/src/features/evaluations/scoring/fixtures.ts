/** Test data for the scoring tests: a small framework (two areas, three focus areas, four leaves) and evaluations of it. */
import type { components } from '@/api/schema';
import type { Criterion } from './criteria';
import type { Evaluation, Framework } from './lookups';

function criterion(code: string, en: string, level: string, parent: string | null, extra: Partial<Criterion> = {}): Criterion {
  return {
    code,
    id: code.length,
    level,
    parent,
    position: Number(code.split('.').at(-1)),
    required: true,
    scale_min: 1,
    scale_max: 5,
    title: { en, th: null },
    verified: true,
    weight: 1,
    ...extra,
  };
}

/** `test-v1`: area 1 with focus 1.1 (leaves 1.1.1, 1.1.2) and 1.2 (leaf 1.2.1, optional); area 2 with focus 2.1 (leaf 2.1.1 on 0 to 100). */
export const framework: Framework = {
  slug: 'test-v1',
  family: 'test',
  version: 1,
  id: 1,
  frozen: false,
  verified: false,
  name: { en: 'Test framework', th: 'กรอบทดสอบ' },
  criteria: [
    criterion('1', 'Governance', 'area', null),
    criterion('2', 'Learning', 'area', null),
    criterion('1.1', 'Planning', 'focus', '1'),
    criterion('1.2', 'Partnership', 'focus', '1'),
    criterion('2.1', 'Inclusion', 'focus', '2'),
    criterion('1.1.1', 'A learning city plan', 'feature', '1.1'),
    criterion('1.1.2', 'A budget for learning', 'feature', '1.1', { verified: false }),
    criterion('1.2.1', 'Partners involved', 'feature', '1.2', { required: false }),
    criterion('2.1.1', 'Share of adults learning', 'feature', '2.1', { scale_min: 0, scale_max: 100 }),
  ],
};

/** A draft evaluation of Phayao with 1.1.1 scored 4. */
export function evaluation(extra: Partial<Evaluation> = {}): Evaluation {
  return {
    id: 7,
    city: 'phayao',
    city_name: { en: 'Phayao', th: 'พะเยา' },
    created_at: '2026-01-05T10:00:00Z',
    updated_at: '2026-01-06T10:00:00Z',
    evaluator_id: 3,
    framework: 'test-v1',
    round_id: 2,
    nomination_id: null,
    status: 'draft',
    overall: 75,
    areas: [{ area: '1', score: 75, title: { en: 'Governance', th: null } }],
    scores: [{ criterion: '1.1.1', score: 4, comment: 'Plan adopted 2023.', evidence_links: ['https://phayao.example/plan'] }],
    ...extra,
  };
}

/** The monitoring round the draft belongs to. */
export const rounds: components['schemas']['RoundPage'] = {
  items: [{ id: 2, framework: 'test-v1', status: 'open', title: { en: 'Monitoring 2026', th: 'ติดตามผล 2569' }, year: 2026 }],
  next_cursor: null,
  total: 1,
};
