/**
 * API answers for the events tests, trimmed from the service with the seeded events
 * (`api/seed-data/events.json`: fewer sessions, cities and sources each). `learningCityWeek2027`
 * is not in the seed: it is test data with what the seed has none of (times, a venue with
 * coordinates, a live stream, speakers with times, an upcoming date).
 */
import type { components } from '@/api/schema';
import { provenance, source } from '@/test/provenance';
import type { Event } from './model';

type Session = components['schemas']['Session'];
type Participation = components['schemas']['Participation'];
type Source = components['schemas']['Source'];

const stamps = { created_at: '2026-12-08T00:16:27.249234Z', updated_at: '2026-12-08T00:16:27.249234Z' };

/** A document without a public address, quoted, as the seed's sources are. */
function quoted(title: string, publisher: string | null, excerpt: string, published_on: string | null = null): Source {
  return source({ url: null, title, publisher, published_on, accessed_on: null, excerpt });
}

const announcement = (excerpt: string) =>
  quoted(
    "UNESCO and Thailand's Ministry of Higher Education, Science, Research and Innovation to cohost inaugural regional Learning Cities conference",
    'UNESCO Bangkok',
    excerpt,
  );
const awards2025 = (excerpt: string) =>
  quoted('Thailand Learning City Awards (31 October 2025)', 'Thailand Network of Learning Cities', excerpt, '2025-10-31');

const bangkok = { slug: 'bangkok', name: { en: 'Bangkok', th: 'กรุงเทพมหานคร' }, href: '/api/v1/cities/bangkok' };
const gnlc = {
  slug: 'unesco-gnlc',
  name: { en: 'UNESCO Global Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก' },
  href: '/api/v1/networks/unesco-gnlc',
};

function when(fields: Partial<Event['when']>): Event['when'] {
  return {
    precision: 'day',
    year: null,
    starts_on: null,
    ends_on: null,
    starts_at: null,
    ends_at: null,
    time_zone: 'Asia/Bangkok',
    start: null,
    end: null,
    ...fields,
  };
}

function session(id: number, fields: Partial<Session> & Pick<Session, 'title'>): Session {
  return {
    id,
    on: null,
    starts_at: null,
    ends_at: null,
    start: null,
    part_of_day: null,
    live_streamed: null,
    speakers: [],
    ...provenance(),
    ...fields,
  };
}

function city(id: number, slug: string, en: string, th: string | null, role: Participation['role'], sources: Source[] = []): Participation {
  return { id, city: slug, name: { en, th }, country: 'TH', role, href: `/api/v1/cities/${slug}`, ...provenance({ sources }) };
}

function event(fields: Partial<Event> & Pick<Event, 'id' | 'slug' | 'type' | 'title' | 'when'>): Event {
  return {
    series: null,
    edition: null,
    summary: null,
    mode: null,
    venue: null,
    languages: [],
    interpretation: [],
    live_stream_url: null,
    recording_url: null,
    attendance: { expected: null, reported: null, note: null },
    network: null,
    award_cycle: null,
    initiative: null,
    census: null,
    sessions: [],
    cities: [],
    organisers: [],
    status: 'published',
    review_note: null,
    sequence: 1,
    ...provenance(),
    ...stamps,
    ...fields,
  };
}

export const aseanConference2024 = event({
  id: 1,
  slug: 'asean-plus-3-learning-cities-conference-2024',
  type: 'conference',
  series: {
    slug: 'asean-plus-3-learning-cities-conference',
    name: { en: 'ASEAN+3 Regional Learning Cities Conference', th: null },
    href: '/api/v1/events?series=asean-plus-3-learning-cities-conference',
  },
  edition: 2024,
  title: { en: 'ASEAN+3 Regional Learning Cities Conference 2024', th: null },
  summary: {
    en: 'The inaugural (first-ever) ASEAN+3 Regional Learning Cities Conference, co-hosted in Bangkok by UNESCO Bangkok and the Program Management Unit on Area Based Development (PMU A).',
    th: null,
  },
  when: when({ year: 2024, starts_on: '2024-10-29', ends_on: '2024-10-30' }),
  mode: 'in_person',
  venue: {
    name: null,
    address: '973 Phloen Chit Road, Lumpini, Pathum Wan, Bangkok 10330, Thailand',
    city: bangkok,
    latitude: null,
    longitude: null,
  },
  languages: ['en'],
  interpretation: ['th'],
  attendance: {
    expected: 200,
    reported: 250,
    note: 'Approximately 200 onsite participants were expected; more than 250 policymakers, city officials and education experts were reported to have attended.',
  },
  network: {
    slug: 'asean-learning-cities',
    name: { en: 'ASEAN Learning Cities Network', th: null },
    href: '/api/v1/networks/asean-learning-cities',
  },
  sessions: [
    session(1, {
      title: { en: 'Award of token of appreciation for the new UNESCO Global Network of Learning City members ceremony', th: null },
      on: '2024-10-29',
      part_of_day: 'morning',
      live_streamed: true,
      sources: [announcement('29 October 2024 (from 9:00 hrs to 12:00 hrs)')],
    }),
    session(4, {
      title: { en: 'Keynote speech: Learning City of the Future', th: null },
      on: '2024-10-30',
      part_of_day: 'morning',
      live_streamed: true,
      sources: [announcement('Keynote speech: Learning City of the Future')],
    }),
  ],
  cities: [
    city(3, 'bangkok', 'Bangkok', 'กรุงเทพมหานคร', 'recognised', [
      announcement('Seven of these cities – from China, the Philippines, Thailand, and Viet Nam – will be recognized during a special awards ceremony at the conference’s opening plenary.'),
    ]),
    city(4, 'khon-kaen', 'Khon Kaen', 'ขอนแก่น', 'recognised'),
  ],
  organisers: [
    {
      slug: 'pmu-a',
      name: { en: 'Program Management Unit for Area-Based Development', th: 'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่' },
      abbreviation: { en: 'PMU-A', th: 'บพท.' },
      role: 'co_host',
      from_year: null,
      to_year: null,
      href: '/api/v1/organisations/pmu-a',
    },
    {
      slug: 'unesco-bangkok',
      name: { en: 'UNESCO Regional Office in Bangkok', th: 'สำนักงานยูเนสโกเพื่อการศึกษาส่วนภูมิภาคเอเชียและแปซิฟิก' },
      abbreviation: { en: 'UNESCO Bangkok', th: 'ยูเนสโก กรุงเทพฯ' },
      role: 'co_host',
      from_year: null,
      to_year: null,
      href: '/api/v1/organisations/unesco-bangkok',
    },
  ],
  ...provenance({
    sources: [
      announcement(
        'This inaugural gathering, dedicated to Learning Cities in South-East Asia, will be held from 29 to 30 October in Bangkok.',
      ),
    ],
  }),
});

export const awardsCeremony2025 = event({
  id: 2,
  slug: 'thailand-learning-city-awards-2025-ceremony',
  type: 'award_ceremony',
  title: { en: 'Thailand Learning City Awards 2025 ceremony', th: null },
  when: when({ year: 2025, starts_on: '2025-10-31', ends_on: '2025-10-31' }),
  mode: 'in_person',
  venue: { name: { en: 'Sanfun Courtyard, Thailand Knowledge Park (TK Park)', th: null }, address: null, city: bangkok, latitude: null, longitude: null },
  attendance: {
    expected: null,
    reported: null,
    note: 'Representatives from national and international education agencies, along with city delegates from across the nation, gathered in strong numbers; no figure is given.',
  },
  network: {
    slug: 'thailand-learning-cities',
    name: { en: 'Thailand Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย' },
    href: '/api/v1/networks/thailand-learning-cities',
  },
  award_cycle: { id: 1, programme: 'thailand-learning-city-awards', year: 2025, href: '/api/v1/award-cycles/1' },
  sessions: [
    session(7, {
      title: { en: 'Opening ceremony', th: null },
      speakers: [
        {
          name: 'Dr. Silaporn Buasai',
          role: 'Presiding over the opening ceremony; Chairperson of the Advisory Subcommittee for the “Thatchaphum” Science Center under PMU-A',
          organisation: 'Program Management Unit for Area-Based Development (PMU-A)',
        },
      ],
      sources: [awards2025('Presiding over the opening ceremony, Dr. Silaporn Buasai')],
    }),
  ],
  cities: [
    city(9, 'chachoengsao', 'Chachoengsao', 'ฉะเชิงเทรา', 'panel'),
    city(8, 'khon-kaen', 'Khon Kaen', 'ขอนแก่น', 'panel'),
    city(10, 'phayao', 'Phayao', 'พะเยา', 'panel'),
  ],
  ...provenance({
    sources: [awards2025('October 31, 2025 — The Thailand Network of Learning Cities … hosted the “Thailand Learning City Awards”')],
    verified: false,
    unverified_reason: 'The day is taken from the dateline of document 004; the report does not otherwise say on which day the ceremony was held.',
  }),
});

export const gnlcAnnouncement2022 = event({
  id: 4,
  slug: 'gnlc-2022-cohort-announcement',
  type: 'network_announcement',
  title: {
    en: 'UNESCO Global Network of Learning Cities: 77 new members from 44 countries',
    th: 'ยูเนสโกประกาศเพิ่ม 77 เมืองในเครือข่ายเมืองแห่งการเรียนรู้ในปี 2022 เนื่องในวันสากลแห่งการรู้หนังสือ',
  },
  summary: {
    en: 'The UNESCO Institute for Lifelong Learning announced 77 new cities from 44 countries in 2022. The document does not give the day of the announcement.',
    th: 'สถาบันด้านการเรียนรู้ตลอดชีวิตของยูเนสโกประกาศเพิ่ม 77 เมืองจาก 44 ประเทศเข้าในเครือข่ายระดับโลกของเมืองแห่งการเรียนรู้ของยูเนสโก',
  },
  when: when({ precision: 'year', year: 2022 }),
  network: gnlc,
  census: { network: 'unesco-gnlc', as_of: '2022-09-02', href: '/api/v1/networks/unesco-gnlc/census' },
  cities: [city(19, 'phayao', 'Phayao', 'พะเยา', 'recognised')],
});

export const gnlcAnnouncement2024 = event({
  id: 5,
  slug: 'gnlc-2024-cohort-announcement',
  type: 'network_announcement',
  title: { en: 'UNESCO Global Network of Learning Cities: 64 new members from 35 countries', th: null },
  when: when({ year: 2024, starts_on: '2024-02-14', ends_on: '2024-02-14' }),
  network: gnlc,
  census: { network: 'unesco-gnlc', as_of: '2024-02-14', href: '/api/v1/networks/unesco-gnlc/census' },
});

export const gnlcAnnouncement2025 = event({
  id: 6,
  slug: 'gnlc-2025-cohort-announcement',
  type: 'network_announcement',
  title: { en: 'UNESCO welcomes 72 new cities to the Global Network of Learning Cities', th: null },
  when: when({ year: 2025, starts_on: '2025-12-04', ends_on: '2025-12-04' }),
  network: gnlc,
  ...provenance({
    sources: [
      source({
        url: 'https://www.miragenews.com/72-cities-join-unescos-global-network-1583685',
        title: 'UNESCO welcomes 72 new cities to the Global Network of Learning Cities (4 December 2025)',
        publisher: null,
        published_on: null,
        accessed_on: null,
      }),
    ],
  }),
});

export const eefSeminar = event({
  id: 3,
  slug: 'eef-asem-lll-hub-seminar',
  type: 'seminar',
  title: { en: 'The Joy and Benefit of Learning in the Scope of a Decade-long Global Learning City Partnership', th: null },
  when: when({ precision: 'unknown' }),
  mode: 'online',
  initiative: {
    slug: 'eef-national-platform-learning-city',
    name: { en: 'National Platform Learning City (EEF pilot areas)', th: null },
    href: '/api/v1/initiatives/eef-national-platform-learning-city',
  },
  sessions: [
    session(9, {
      title: { en: 'The Joy and Benefit of Learning in the Scope of a Decade-long Global Learning City Partnership', th: null },
      speakers: [{ name: 'Balass Nemet', role: 'Seminar facilitator; Research Network Coordinator', organisation: null }],
    }),
  ],
});

/** Test data, not in the seed: an upcoming Learning City Week in Phayao with times, a venue and a live stream. */
export const learningCityWeek2027 = event({
  id: 7,
  slug: 'learning-city-week-2027',
  type: 'learning_city_week',
  series: { slug: 'learning-city-week', name: { en: 'Learning City Week', th: null }, href: '/api/v1/events?series=learning-city-week' },
  edition: 2027,
  title: { en: 'Learning City Week 2027', th: 'สัปดาห์เมืองแห่งการเรียนรู้ 2570' },
  when: when({
    year: 2027,
    starts_on: '2027-01-14',
    ends_on: '2027-01-15',
    starts_at: '09:00',
    ends_at: '16:30',
    start: '2027-01-14T09:00:00+07:00',
    end: '2027-01-15T16:30:00+07:00',
  }),
  mode: 'hybrid',
  venue: {
    name: { en: 'Phayao City Hall', th: 'ศาลากลางจังหวัดพะเยา' },
    address: 'Phahonyothin Road, Phayao',
    city: { slug: 'phayao', name: { en: 'Phayao', th: 'พะเยา' }, href: '/api/v1/cities/phayao' },
    latitude: 19.16667,
    longitude: 99.9,
  },
  languages: ['th', 'en'],
  live_stream_url: 'https://example.org/lcw-2027/live',
  sessions: [
    session(20, {
      title: { en: 'Opening of the week', th: 'พิธีเปิด' },
      on: '2027-01-14',
      starts_at: '09:00',
      ends_at: '10:30',
      start: '2027-01-14T09:00:00+07:00',
      live_streamed: true,
      speakers: [{ name: 'Test Speaker', role: 'Mayor', organisation: 'Phayao Municipality' }],
    }),
    session(21, { title: { en: 'City exchange', th: null }, on: '2027-01-15', part_of_day: 'afternoon' }),
  ],
  cities: [city(30, 'phayao', 'Phayao', 'พะเยา', 'presenter')],
});

/** The seeded events as the list orders them by default (none is upcoming), then the test week. */
export const seededEvents = [
  gnlcAnnouncement2025,
  awardsCeremony2025,
  aseanConference2024,
  gnlcAnnouncement2024,
  gnlcAnnouncement2022,
  eefSeminar,
];

export const series = [
  {
    id: 1,
    slug: 'asean-plus-3-learning-cities-conference',
    name: { en: 'ASEAN+3 Regional Learning Cities Conference', th: null },
    description: null,
    editions: [
      {
        slug: 'asean-plus-3-learning-cities-conference-2024',
        name: { en: 'ASEAN+3 Regional Learning Cities Conference 2024', th: null },
        href: '/api/v1/events/asean-plus-3-learning-cities-conference-2024',
      },
    ],
    ...provenance(),
  },
  { id: 2, slug: 'learning-city-week', name: { en: 'Learning City Week', th: null }, description: null, editions: [], ...provenance() },
];

/** A one-page list answer. */
export function eventPage(items: Event[]) {
  return { body: { items, total: items.length, next_cursor: null } };
}
