/**
 * API answers for the organisations tests, trimmed from the service with the seeded organisations
 * (`api/seed-data/organisations.json`). `unescoBangkok` has a role in an event as the seed names
 * it, and adds for the tests what the seed does not have: a website, a dated role, and a role with
 * a note that is not verified.
 */
import type { components } from '@/api/schema';
import { provenance, source } from '@/test/provenance';

type Organisation = components['schemas']['Organisation'];
type OrganisationRole = components['schemas']['OrganisationRole'];

const stamps = { created_at: '2026-12-07T21:03:13.810863Z', updated_at: '2026-12-07T21:03:13.810863Z' };

/** A document without a public address, quoted, as the seed's sources are. */
function quoted(title: string, publisher: string, excerpt: string, published_on: string | null = null) {
  return source({ url: null, title, publisher, published_on, accessed_on: null, excerpt });
}

const awards2025 = (excerpt: string) =>
  quoted('Thailand Learning City Awards (31 October 2025)', 'Thailand Network of Learning Cities', excerpt, '2025-10-31');
const unescoBangkok2022 = (excerpt: string) =>
  quoted(
    'ยูเนสโกประกาศเพิ่ม 77 เมืองในเครือข่ายเมืองแห่งการเรียนรู้ในปี 2022 เนื่องในวันสากลแห่งการรู้หนังสือ',
    'UNESCO Bangkok (Multisectoral Regional Office in Bangkok)',
    excerpt,
  );

const thailandNetwork = {
  kind: 'network',
  slug: 'thailand-learning-cities',
  name: { en: 'Thailand Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย' },
  href: '/api/v1/networks/thailand-learning-cities',
} as const;
const thailandAwards = {
  kind: 'award_programme',
  slug: 'thailand-learning-city-awards',
  name: { en: 'Thailand Learning City Awards', th: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย' },
  href: '/api/v1/award-programmes/thailand-learning-city-awards',
} as const;

function role(id: number, fields: Omit<OrganisationRole, 'id' | 'sources' | 'verified' | 'unverified_reason'> & Partial<OrganisationRole>): OrganisationRole {
  return { id, from_year: null, to_year: null, note: null, ...provenance(), ...fields };
}

export const pmuA: Organisation = {
  id: 6,
  slug: 'pmu-a',
  name: { en: 'Program Management Unit for Area-Based Development', th: 'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่' },
  abbreviation: { en: 'PMU-A', th: 'บพท.' },
  kind: 'government_agency',
  country: 'TH',
  website: null,
  description: {
    en: "Thai programme management unit for area-based development that has given Thai cities financial support to move towards UNESCO's learning city concept.",
    th: null,
  },
  roles: [
    role(9, {
      role: 'organiser',
      of: thailandAwards,
      from_year: 2025,
      sources: [awards2025('The awards are organized through the collaboration of the Program Management Unit for Area-Based Development (PMU-A)')],
    }),
    role(3, {
      role: 'partner',
      of: thailandNetwork,
      sources: [awards2025('the collective synergy of PMU-A, EEF, OKMD, and UNESCO Thailand')],
    }),
    role(8, {
      role: 'supporter',
      of: thailandNetwork,
      sources: [
        unescoBangkok2022(
          'ยูเนสโก กรุงเทพฯ ได้ให้ความช่วยเหลือทางเทคนิคในการเสริมสร้างศักยภาพของนักวิชาการและผู้มีส่วนได้ส่วนเสียในการพัฒนาเครือข่ายเมืองแห่งการเรียนรู้ทั่วประเทศไทยร่วมกับหน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.)',
        ),
      ],
    }),
  ],
  ...provenance({ sources: [awards2025('the Program Management Unit for Area-Based Development (PMU-A)')] }),
  ...stamps,
};

export const eef: Organisation = {
  id: 7,
  slug: 'eef',
  name: { en: 'Equitable Education Fund', th: 'กองทุนเพื่อความเสมอภาคทางการศึกษา' },
  abbreviation: { en: 'EEF', th: 'กสศ.' },
  kind: 'public_fund',
  country: 'TH',
  website: null,
  description: null,
  roles: [
    role(10, { role: 'organiser', of: thailandAwards, from_year: 2025, sources: [awards2025('the Equitable Education Fund (EEF) Thailand')] }),
    role(13, {
      role: 'lead',
      of: {
        kind: 'initiative',
        slug: 'eef-national-platform-learning-city',
        name: { en: 'National Platform Learning City (EEF pilot areas)', th: null },
        href: '/api/v1/initiatives/eef-national-platform-learning-city',
      },
      sources: [
        quoted(
          "Equitable Education Fund (EEF): seminar 'The Joy and Benefit of Learning in the Scope of a Decade-long Global Learning City Partnership' with the ASEM LLL Hub",
          'Equitable Education Fund (EEF)',
          'To actually implement this idea, the Equitable Education Fund (EEF) hopes to establish a “National Platform Learning City” through several pilot initiatives.',
        ),
      ],
    }),
    role(4, { role: 'partner', of: thailandNetwork, sources: [awards2025('the Equitable Education Fund (EEF) Thailand')] }),
  ],
  ...provenance(),
  ...stamps,
};

export const unescoBangkok: Organisation = {
  id: 2,
  slug: 'unesco-bangkok',
  name: { en: 'UNESCO Regional Office in Bangkok', th: 'สำนักงานยูเนสโกเพื่อการศึกษาส่วนภูมิภาคเอเชียและแปซิฟิก' },
  abbreviation: { en: 'UNESCO Bangkok', th: 'ยูเนสโก กรุงเทพฯ' },
  kind: 'un_agency',
  country: null,
  website: 'https://www.unesco.org/en/fieldoffice/bangkok',
  description: null,
  roles: [
    role(2, {
      role: 'co_host',
      of: {
        kind: 'event',
        slug: 'asean-plus-3-learning-cities-conference-2024',
        name: { en: 'ASEAN+3 Regional Learning Cities Conference', th: null },
        href: '/api/v1/events/asean-plus-3-learning-cities-conference-2024',
      },
      from_year: 2024,
      to_year: 2024,
      sources: [
        quoted(
          "UNESCO and Thailand's Ministry of Higher Education, Science, Research and Innovation to cohost inaugural regional Learning Cities conference",
          'UNESCO Bangkok',
          'UNESCO and Thailand’s Ministry of Higher Education, Science, Research and Innovation to cohost inaugural regional Learning Cities conference',
        ),
      ],
    }),
    role(5, {
      role: 'partner',
      of: thailandNetwork,
      note: 'Named as "UNESCO Thailand" in the source.',
      sources: [awards2025('the collective synergy of PMU-A, EEF, OKMD, and UNESCO Thailand')],
      verified: false,
      unverified_reason: 'The source names "UNESCO Thailand", taken to be the Bangkok office.',
    }),
  ],
  ...provenance(),
  ...stamps,
};

export const nxpo: Organisation = {
  id: 5,
  slug: 'nxpo',
  name: {
    en: 'Office of National Higher Education Science Research and Innovation Policy Council',
    th: 'สำนักงานสภานโยบายการอุดมศึกษา วิทยาศาสตร์ วิจัย และนวัตกรรมแห่งชาติ',
  },
  abbreviation: { en: 'NXPO', th: 'สอวช.' },
  kind: 'government_agency',
  country: 'TH',
  website: null,
  description: {
    en: 'Thai national office named in the Thai-language UNESCO Bangkok article as the body to which PMU-A (บพท.) belongs.',
    th: null,
  },
  roles: [],
  ...provenance({
    sources: [
      unescoBangkok2022(
        'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.) ของสำนักงานสภานโยบายการอุดมศึกษา วิทยาศาสตร์ วิจัย และนวัตกรรมแห่งชาติ (สอวช.)',
      ),
    ],
    verified: false,
    unverified_reason:
      'The English name and the abbreviation NXPO are not in the source documents the platform was specified from; the Thai name and สอวช. are as UNESCO Bangkok wrote them (document 003).',
  }),
  ...stamps,
};

export const phayao: Organisation = {
  id: 10,
  slug: 'university-of-phayao',
  name: { en: 'University of Phayao', th: null },
  abbreviation: null,
  kind: 'university',
  country: 'TH',
  website: null,
  description: null,
  roles: [],
  ...provenance(),
  ...stamps,
};

export const asemHub: Organisation = {
  id: 11,
  slug: 'asem-lll-hub',
  name: { en: 'ASEM Education and Research Hub for Lifelong Learning', th: null },
  abbreviation: { en: 'ASEM LLL Hub', th: null },
  kind: 'network_body',
  country: null,
  website: null,
  description: null,
  roles: [],
  ...provenance(),
  ...stamps,
};

/** Every organisation of the fixtures, by name as the list orders them. */
export const organisations = [asemHub, eef, nxpo, pmuA, unescoBangkok, phayao];

export const countries = {
  items: [{ code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean', 'asean_plus_3'] }],
  next_cursor: null,
  total: 1,
};
