/** API answers for the awards tests, trimmed from the service with the demo data loaded. */
import type { components } from '@/api/schema';
import { provenance, source } from '@/test/provenance';

type Programme = components['schemas']['Programme'];
type Cycle = components['schemas']['Cycle'];
type Category = components['schemas']['Category'];
type OrganisationLink = components['schemas']['OrganisationLink'];

/** An organisation as a programme names it, with its role there. */
function organisationLink(
  slug: string,
  en: string,
  th: string | null,
  abbreviation: OrganisationLink['abbreviation'],
  role: OrganisationLink['role'],
  from_year: number | null = null,
): OrganisationLink {
  return { slug, name: { en, th }, abbreviation, role, from_year, to_year: null, href: `/api/v1/organisations/${slug}` };
}

export const unesco: Programme = {
  id: 1,
  slug: 'unesco-learning-city-award',
  name: { en: 'UNESCO Learning City Award', th: 'รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก' },
  organisers: { en: 'UNESCO Institute for Lifelong Learning (UIL)', th: null },
  secretariat: null,
  website: 'https://www.uil.unesco.org/en/learning-cities/award',
  description: null,
  cycle_years: [2024, 2021],
  organisations: [],
  ...provenance(),
  eligibility: {
    country: null,
    network: 'unesco-gnlc',
    min_membership_months: 12,
    cooldown_years: 6,
    max_winners_per_country: 1,
    notes: ['GNLC member for more than 12 months', 'max 2 nominations per National Commission for UNESCO'],
  },
};

export const thailand: Programme = {
  id: 2,
  slug: 'thailand-learning-city-awards',
  name: { en: 'Thailand Learning City Awards', th: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย' },
  organisers: { en: 'PMU-A, EEF and OKMD, with UNESCO Bangkok', th: null },
  secretariat: { en: 'University of Phayao', th: 'มหาวิทยาลัยพะเยา' },
  website: null,
  description: null,
  cycle_years: [2025],
  // As the service answers it: the organisers and the secretariat named by the 2025 awards' source.
  organisations: [
    organisationLink('eef', 'Equitable Education Fund', 'กองทุนเพื่อความเสมอภาคทางการศึกษา', { en: 'EEF', th: 'กสศ.' }, 'organiser', 2025),
    organisationLink('okmd', 'Office of Knowledge Management and Development', null, { en: 'OKMD', th: null }, 'organiser', 2025),
    organisationLink(
      'pmu-a',
      'Program Management Unit for Area-Based Development',
      'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่',
      { en: 'PMU-A', th: 'บพท.' },
      'organiser',
      2025,
    ),
    organisationLink('university-of-phayao', 'University of Phayao', null, null, 'secretariat', 2025),
  ],
  ...provenance(),
  eligibility: {
    country: 'TH',
    network: null,
    min_membership_months: null,
    cooldown_years: null,
    max_winners_per_country: null,
    notes: [],
  },
};

export const demo: Programme = {
  id: 3,
  slug: 'demo-learning-city-award',
  name: { en: 'DEMO Learning City Award (synthetic data, not a real award)', th: 'รางวัลสาธิต (ข้อมูลสมมติ ไม่ใช่รางวัลจริง)' },
  organisers: null,
  secretariat: null,
  website: null,
  description: null,
  cycle_years: [2026],
  organisations: [],
  ...provenance(),
  eligibility: {
    country: null,
    network: null,
    min_membership_months: null,
    cooldown_years: null,
    max_winners_per_country: null,
    notes: [],
  },
};

function category(cycle: number, programme: string, year: number, slug: string, en: string, th: string | null): Category {
  return { id: cycle * 10 + slug.length, slug, cycle_id: cycle, programme, year, name: { en, th }, description: null, position: 0 };
}

const base = {
  nominations_open_on: null,
  nominations_close_on: null,
  ceremony_on: null,
  ceremony: null,
  summary: null,
  criteria: [],
  source_url: null,
  published_at: null,
  announced_winners: null,
  recorded_winners: null,
  ...provenance(),
  created_at: '2026-12-01T20:24:41Z',
  updated_at: '2026-12-01T20:24:41Z',
};

export const unesco2024: Cycle = {
  ...base,
  id: 6,
  programme: 'unesco-learning-city-award',
  year: 2024,
  title: { en: 'UNESCO Learning City Award 2024', th: 'รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก 2024' },
  status: 'published',
  framework: 'unesco-lca-2024-v1',
  criteria: ['Advancement of learning city plan'],
  published_at: '2024-09-01T00:00:00Z',
  recorded_winners: 2,
  source_url: 'https://www.uil.unesco.org/en/articles/learning-city-award-2024',
  ...provenance({
    sources: [source({ url: 'https://www.uil.unesco.org/en/articles/learning-city-award-2024', title: 'UNESCO Learning City Award 2024 winners' })],
  }),
  categories: [
    category(6, 'unesco-learning-city-award', 2024, 'unesco-learning-city-award-2024', 'UNESCO Learning City Award 2024', null),
  ],
  results: [
    {
      category: 'unesco-learning-city-award-2024',
      winners: [
        { slug: 'cork', name: { en: 'Cork', th: 'คอร์ก' }, country: 'IE' },
        { slug: 'wuhan', name: { en: 'Wuhan', th: 'อู่ฮั่น' }, country: 'CN' },
      ],
    },
  ],
};

export const unesco2021: Cycle = {
  ...base,
  id: 5,
  programme: 'unesco-learning-city-award',
  year: 2021,
  title: { en: 'UNESCO Learning City Award 2021', th: 'รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก 2021' },
  status: 'published',
  framework: null,
  announced_winners: 10,
  recorded_winners: 3,
  ...provenance({ verified: false, unverified_reason: 'The list of winners is incomplete in the sources read.' }),
  categories: [
    category(5, 'unesco-learning-city-award', 2021, 'unesco-learning-city-award-2021', 'UNESCO Learning City Award 2021', null),
  ],
  results: [
    {
      category: 'unesco-learning-city-award-2021',
      winners: [
        { slug: 'belfast', name: { en: 'Belfast', th: null }, country: 'GB' },
        { slug: 'dublin', name: { en: 'Dublin', th: 'ดับลิน' }, country: 'IE' },
        { slug: 'shanghai', name: { en: 'Shanghai', th: 'เซี่ยงไฮ้' }, country: 'CN' },
      ],
    },
  ],
};

export const thailand2025: Cycle = {
  ...base,
  id: 1,
  programme: 'thailand-learning-city-awards',
  year: 2025,
  title: { en: 'Thailand Learning City Awards 2025', th: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย ประจำปี 2568' },
  status: 'closed',
  framework: null,
  ceremony_on: '2025-10-31',
  ceremony: { en: '31 October 2025, TK Park, Bangkok', th: null },
  categories: [
    category(1, 'thailand-learning-city-awards', 2025, 'thailand-learning-city-awards-2025-equity', 'Learning City for Equity', 'เมืองแห่งการเรียนรู้เพื่อความเสมอภาค'),
    category(1, 'thailand-learning-city-awards', 2025, 'thailand-learning-city-awards-2025-economy', 'Learning City for Economy', 'เมืองแห่งการเรียนรู้เพื่อเศรษฐกิจ'),
  ],
  results: null,
};

export const countries = {
  items: [
    { code: 'CN', name: { en: 'China', th: 'จีน' }, groups: ['asean_plus_3'] },
    { code: 'GB', name: { en: 'United Kingdom', th: 'สหราชอาณาจักร' }, groups: [] },
    { code: 'IE', name: { en: 'Ireland', th: 'ไอร์แลนด์' }, groups: [] },
    { code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean', 'asean_plus_3'] },
  ],
  next_cursor: null,
  total: 4,
};

export const gnlc = {
  id: 1,
  slug: 'unesco-gnlc',
  name: { en: 'UNESCO Global Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก' },
  scope: 'global',
  status: 'active',
  member_count: 128,
  reported: null,
  ...provenance(),
  created_at: '2026-12-01T20:24:41Z',
  updated_at: '2026-12-01T20:24:41Z',
};

/** A list page of `items`. */
export function page<T>(items: T[]) {
  return { items, next_cursor: null, total: items.length };
}
