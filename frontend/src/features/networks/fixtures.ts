/** Canned API answers for the networks tests, shaped as the API answers them. */
import { provenance, source } from '@/test/provenance';

const stamps = { created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' };

/** An organisation as a network names it (`organisations`), with one role there. */
export function organisationLink(
  slug: string,
  en: string,
  th: string | null,
  abbreviation: { en: string | null; th: string | null } | null,
  role: string,
  years: { from_year?: number | null; to_year?: number | null } = {},
) {
  return {
    slug, name: { en, th }, abbreviation, role, from_year: years.from_year ?? null, to_year: years.to_year ?? null,
    href: `/api/v1/organisations/${slug}`,
  };
}

export const gnlc = {
  id: 1, slug: 'unesco-gnlc', scope: 'global', status: 'active', member_count: 128, founded_year: 2015,
  name: { en: 'UNESCO Global Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้โลกของยูเนสโก' },
  secretariat: { en: 'UNESCO Institute for Lifelong Learning', th: 'สถาบันยูเนสโกเพื่อการเรียนรู้ตลอดชีวิต' },
  website: 'https://www.uil.unesco.org/en/learning-cities', country: null, description: null, ...stamps,
  reported: { members: 425, countries: 95, as_of: '2025-12-04', source_url: 'https://www.uil.unesco.org/en/articles/gnlc-new-members-2025' },
  organisations: [
    organisationLink('unesco', 'United Nations Educational, Scientific and Cultural Organization', 'ยูเนสโก', { en: 'UNESCO', th: null }, 'lead'),
  ],
  ...provenance({ sources: [source()] }),
};

export const thailand = {
  id: 2, slug: 'thailand-learning-cities', scope: 'national', status: 'active', member_count: 0, founded_year: null,
  name: { en: 'Thailand Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย' },
  secretariat: { en: 'University of Phayao', th: 'มหาวิทยาลัยพะเยา' },
  website: null, country: 'TH', description: null, ...stamps,
  reported: null,
  // As the service answers it: one link per role, by name (PMU-A and UNESCO Bangkok twice).
  organisations: [
    organisationLink('eef', 'Equitable Education Fund', 'กองทุนเพื่อความเสมอภาคทางการศึกษา', { en: 'EEF', th: 'กสศ.' }, 'partner'),
    organisationLink('okmd', 'Office of Knowledge Management and Development', null, { en: 'OKMD', th: null }, 'partner'),
    organisationLink('pmu-a', 'Program Management Unit for Area-Based Development', 'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่', { en: 'PMU-A', th: 'บพท.' }, 'partner'),
    organisationLink('pmu-a', 'Program Management Unit for Area-Based Development', 'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่', { en: 'PMU-A', th: 'บพท.' }, 'supporter'),
    organisationLink('unesco-bangkok', 'UNESCO Regional Office in Bangkok', 'สำนักงานยูเนสโกเพื่อการศึกษาส่วนภูมิภาคเอเชียและแปซิฟิก', { en: 'UNESCO Bangkok', th: 'ยูเนสโก กรุงเทพฯ' }, 'partner'),
    organisationLink('unesco-bangkok', 'UNESCO Regional Office in Bangkok', 'สำนักงานยูเนสโกเพื่อการศึกษาส่วนภูมิภาคเอเชียและแปซิฟิก', { en: 'UNESCO Bangkok', th: 'ยูเนสโก กรุงเทพฯ' }, 'supporter'),
    organisationLink('university-of-phayao', 'University of Phayao', null, null, 'secretariat'),
  ],
  ...provenance(),
};

export const asean = {
  id: 3, slug: 'asean-learning-cities', scope: 'regional', status: 'planned', member_count: 0, founded_year: null,
  name: { en: 'ASEAN Regional Learning City Network', th: 'เครือข่ายเมืองแห่งการเรียนรู้ระดับภูมิภาคอาเซียน' },
  secretariat: null, website: null, country: null, description: null, ...stamps,
  reported: null, organisations: [], ...provenance({ verified: false, unverified_reason: 'The plans for this network are known from one news report only.' }),
};

export const countries = {
  total: 2,
  next_cursor: null,
  items: [
    { code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean', 'asean_plus_3'] },
    { code: 'IE', name: { en: 'Ireland', th: 'ไอร์แลนด์' }, groups: [] },
  ],
};

/** A member row of `/networks/{slug}/members`. */
export function member(id: number, slug: string, en: string, th: string | null, country: string, year: number | null, lat: number | null, lon: number | null) {
  return {
    membership_id: id, role: 'member', status: 'active', joined_year: year, joined_on: null, left_year: null,
    source_url: `https://example.org/source/${slug}`, note: null,
    city: { id, slug, name: { en, th }, country, province: null, lat, lon },
    ...provenance({ sources: [source({ url: `https://example.org/source/${slug}`, title: `${en} joins the network` })] }),
  };
}

/** The census of the GNLC: the sizes UIL reported, newest first (two reports in 2024). */
export const census = {
  total: 3,
  next_cursor: null,
  items: [
    {
      id: 3, as_of: '2025-12-04', members: 425, countries: 95, new_members: 69, new_countries: 12, note: null,
      ...provenance({ sources: [source({ url: 'https://www.uil.unesco.org/en/articles/gnlc-new-members-2025', title: 'UNESCO welcomes new learning cities' })] }),
    },
    {
      id: 2, as_of: '2024-09-12', members: 356, countries: 79, new_members: 64, new_countries: null, note: 'UIL press release; another page says 357.',
      ...provenance({
        sources: [source({ url: null, title: 'GNLC membership report 2024', publisher: 'UIL', published_on: null, accessed_on: null, excerpt: 'The network now counts 356 cities in 79 countries.' })],
        verified: false,
        unverified_reason: 'Two UIL pages give different totals.',
      }),
    },
    { id: 1, as_of: '2024-02-01', members: 294, countries: null, new_members: null, new_countries: null, note: null, ...provenance() },
  ],
};
