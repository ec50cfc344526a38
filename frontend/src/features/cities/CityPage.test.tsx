import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { provenance, source } from '@/test/provenance';
import { fakeApi, renderAt } from '@/test/render';
import CityPage from './CityPage';
import { city, gnlc, reference, thaiNetwork } from './fixtures';

/** The reference data and, by default, no initiative and no event for the city. */
const base = {
  ...reference,
  'GET /api/v1/initiatives': { body: { items: [], total: 0, next_cursor: null } },
  'GET /api/v1/cities/phayao/events': { body: { items: [], total: 0, next_cursor: null } },
};

const phayao = city({ memberships: [thaiNetwork, { ...gnlc, left_year: null }], area_km2: 41.5 });

/** Phayao with the year and source of its population, its own sources and a membership not verified. */
const sourced = city({
  population_year: 2023,
  population_source: 'GeoNames figure for the populated place, not an official count',
  memberships: [
    {
      ...thaiNetwork,
      ...provenance({
        sources: [
          source({
            url: null,
            title: 'Minutes of the network meeting, March 2023',
            publisher: 'University of Phayao',
            published_on: '2023-03-15',
            excerpt: 'Phayao serves as the secretariat of the national network.',
          }),
        ],
        verified: false,
        unverified_reason: 'Taken from a draft of the minutes.',
      }),
    },
    { ...gnlc, sources: [source({ title: null, url: 'https://www.uil.unesco.org/en/learning-cities/phayao', publisher: null })] },
  ],
  ...provenance({
    sources: [
      source({ url: 'https://www.geonames.org/1607552', title: 'GeoNames: Phayao', publisher: 'GeoNames', published_on: null }),
    ],
  }),
});

/** The EEF initiative, with Phayao as a pilot area. */
const initiative = {
  id: 1,
  slug: 'national-platform-learning-city',
  name: { en: 'National Platform Learning City', th: null },
  lead: { en: 'Equitable Education Fund', th: 'กองทุนเพื่อความเสมอภาคทางการศึกษา' },
  description: { en: 'A national platform that supports learning cities.', th: null },
  website: 'https://www.eef.or.th/learning-city/',
  cities: [
    { city: 'phayao', name: { en: 'Phayao', th: 'พะเยา' }, province: 'TH-56', role: 'pilot_area', note: 'Pilot area since 2022.' },
    { city: 'chiang-mai', name: { en: 'Chiang Mai', th: 'เชียงใหม่' }, province: 'TH-50', role: 'participant', note: null },
  ],
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  ...provenance({ sources: [source({ url: 'https://www.eef.or.th/learning-city/', title: 'EEF learning city platform' })] }),
};

const award = {
  programme: 'demo-learning-city-award',
  programme_name: { en: 'DEMO Learning City Award (synthetic data, not a real award)', th: null },
  cycle_id: 7,
  year: 2026,
  category: 'demo-2026-children-and-youth',
  category_name: { en: 'Children and youth (DEMO)', th: null },
  status: 'winner',
  source_url: null,
  id: 41,
  ...provenance({ sources: [source({ url: 'https://example.org/demo-award-2026', title: 'DEMO award announcement' })] }),
};

const summary = {
  context: 'award',
  year: 2026,
  framework: 'demo-criteria-v1',
  cycle_id: 7,
  round_id: null,
  category: 'demo-2026-children-and-youth',
  evaluations: 3,
  mean: 72.35,
  areas: [
    { area: '1', title: { en: 'Planning and governance', th: 'การวางแผนและธรรมาภิบาล' }, mean: 80 },
    { area: '2', title: { en: 'Inclusive learning', th: 'การเรียนรู้อย่างทั่วถึง' }, mean: 64.7 },
  ],
};

const cycle = {
  id: 7,
  programme: 'demo-learning-city-award',
  year: 2026,
  title: { en: 'DEMO cycle 2026 (synthetic data)', th: null },
  status: 'published',
  criteria: [],
  categories: [
    {
      id: 11,
      slug: 'demo-2026-children-and-youth',
      cycle_id: 7,
      programme: 'demo-learning-city-award',
      year: 2026,
      name: { en: 'Children and youth (DEMO)', th: null },
      position: 1,
    },
  ],
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

const frameworks = {
  items: [
    {
      id: 3,
      slug: 'demo-criteria-v1',
      family: 'demo',
      version: 1,
      name: { en: 'DEMO criteria (synthetic data)', th: null },
      verified: false,
      frozen: true,
    },
  ],
  total: 1,
  next_cursor: null,
};

function renderProfile(slug = 'phayao', language = 'en') {
  return renderAt(<CityPage />, { path: `/cities/${slug}`, route: '/cities/:slug', language });
}

describe('CityPage', () => {
  it('shows the facts of the city', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
    });
    await renderProfile();

    expect(await screen.findByRole('heading', { level: 1, name: 'Phayao' })).toBeInTheDocument();
    expect(screen.getByText('A city on Kwan Phayao lake.')).toBeInTheDocument();
    const facts = screen.getByRole('heading', { level: 2, name: 'Facts' }).nextElementSibling as HTMLElement;
    expect(within(facts).getByText('พะเยา')).toHaveAttribute('lang', 'th');
    expect(await within(facts).findByText('Thailand (TH)')).toBeInTheDocument();
    expect(await within(facts).findByText('Phayao (TH-56)')).toBeInTheDocument();
    expect(within(facts).getByText('Northern')).toBeInTheDocument();
    expect(within(facts).getByText('21,058')).toBeInTheDocument();
    expect(within(facts).getByText('41.5 km²')).toBeInTheDocument();
    expect(within(facts).getByText(/latitude 19\.1667, longitude 99\.9/)).toBeInTheDocument();
    expect(within(facts).getByRole('link', { name: 'GeoNames place 1607552' })).toHaveAttribute(
      'href',
      'https://www.geonames.org/1607552',
    );
    expect(within(facts).getByRole('link', { name: 'https://www.phayaocity.go.th' })).toBeInTheDocument();
  });

  it('shows the memberships on a timeline, earliest first, with role, status and a link to the network', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
    });
    await renderProfile();

    const heading = await screen.findByRole('heading', { level: 2, name: 'Network memberships' });
    const timeline = heading.nextElementSibling as HTMLElement;
    // The rows of the timeline (each has its own list of sources).
    const items = within(timeline).getAllByRole('listitem').filter((li) => li.parentElement === timeline);
    expect(items.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'UNESCO Global Network of Learning Cities',
      'Thailand Network of Learning Cities',
    ]);
    expect(items[0]).toHaveTextContent('Joined on 10 September 2020');
    expect(items[0]).toHaveTextContent('Role: Member · Status: Active');
    expect(within(items[0]!).getByRole('link', { name: 'UNESCO Global Network of Learning Cities' })).toHaveAttribute(
      'href',
      '/networks/unesco-gnlc',
    );
    expect(items[1]).toHaveTextContent('Joined in 2023');
    expect(items[1]).toHaveTextContent('Role: Secretariat');
    // No `sources`: the older `source_url` stands in; none at all: it says so.
    const sources = within(items[0]!).getByRole('list', { name: 'Sources of the UNESCO Global Network of Learning Cities membership' });
    expect(within(sources).getByRole('link', { name: 'uil.unesco.org' })).toHaveAttribute('href', gnlc.source_url);
    expect(items[1]).toHaveTextContent('No source is recorded.');
  });

  it('shows the year and source of the population, and the sources of the city and of each membership', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: sourced },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
    });
    const { container } = await renderProfile();
    const facts = (await screen.findByRole('heading', { level: 2, name: 'Facts' })).nextElementSibling as HTMLElement;
    expect(within(facts).getByText('Population').nextElementSibling).toHaveTextContent(
      '21,058 (2023) GeoNames figure for the populated place, not an official count',
    );
    const own = screen.getByRole('list', { name: 'Sources of the record of Phayao' });
    expect(within(own).getByRole('link', { name: 'GeoNames: Phayao' })).toHaveAttribute('href', 'https://www.geonames.org/1607552');
    expect(own).toHaveTextContent('GeoNames · read 15 January 2026');

    const timeline = screen.getByRole('heading', { level: 2, name: 'Network memberships' }).nextElementSibling as HTMLElement;
    const thai = within(timeline).getByRole('heading', { level: 3, name: 'Thailand Network of Learning Cities' }).closest('li') as HTMLElement;
    expect(within(thai).getByRole('note')).toHaveTextContent('Not verified: Taken from a draft of the minutes.');
    const minutes = within(thai).getByRole('list', { name: 'Sources of the Thailand Network of Learning Cities membership' });
    expect(within(minutes).queryByRole('link')).not.toBeInTheDocument();
    expect(minutes).toHaveTextContent('Minutes of the network meeting, March 2023 · University of Phayao · published 15 March 2023');
    expect(within(minutes).getByText('Phayao serves as the secretariat of the national network.').tagName).toBe('BLOCKQUOTE');
    const gnlcRow = within(timeline).getByRole('heading', { level: 3, name: 'UNESCO Global Network of Learning Cities' }).closest('li') as HTMLElement;
    // A source without a title is named by its host.
    expect(within(gnlcRow).getByRole('link', { name: 'uil.unesco.org' })).toHaveAttribute(
      'href',
      'https://www.uil.unesco.org/en/learning-cities/phayao',
    );
    expect(within(gnlcRow).queryByRole('note')).not.toBeInTheDocument();
    await within(facts).findByText('Phayao (TH-56)');
    await screen.findByText('No award is recorded for this city in the published award cycles.');
    await screen.findByText('No published evaluation result is recorded for this city.');
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('shows the population source and the sources in Thai', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: sourced },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
    });
    await renderProfile('phayao', 'th');
    const facts = (await screen.findByRole('heading', { level: 2, name: 'ข้อมูลพื้นฐาน' })).nextElementSibling as HTMLElement;
    expect(within(facts).getByText('ประชากร').nextElementSibling).toHaveTextContent('21,058 (ปี ค.ศ. 2023)');
    expect(screen.getByRole('list', { name: 'แหล่งที่มาของข้อมูลพะเยา' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('ยังไม่ได้ตรวจสอบ: Taken from a draft of the minutes.');
  });

  it('says so when the city has no awards and no published evaluation', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
    });
    await renderProfile();
    expect(await screen.findByText('No award is recorded for this city in the published award cycles.')).toBeInTheDocument();
    expect(await screen.findByText('No published evaluation result is recorded for this city.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('lists the awards and charts the published evaluation, with the figures as text', async () => {
    const requests = fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [award], total: 1, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [summary] } },
      'GET /api/v1/frameworks': { body: frameworks },
      'GET /api/v1/award-cycles/7': { body: cycle },
    });
    const { container } = await renderProfile();

    const awards = await screen.findByRole('table', { name: 'Awards of this city, newest first' });
    const row = within(awards).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: '2026 cycle' })).toHaveAttribute('href', '/awards/cycles/7');
    expect(within(row).getByRole('link', { name: /DEMO Learning City Award/ })).toHaveAttribute(
      'href',
      '/awards/demo-learning-city-award',
    );
    expect(within(row).getByText('Children and youth (DEMO)')).toBeInTheDocument();
    expect(within(row).getByText('Winner')).toBeInTheDocument();
    const awardSources = within(row).getByRole('list', { name: 'Sources: DEMO Learning City Award (synthetic data, not a real award), 2026' });
    expect(within(awardSources).getByRole('link', { name: 'Source' })).toHaveAttribute('href', 'https://example.org/demo-award-2026');

    expect(await screen.findByRole('heading', { level: 3, name: 'DEMO criteria (synthetic data) · 2026' })).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Award: DEMO cycle 2026 (synthetic data), category Children and youth (DEMO)' }),
    ).toHaveAttribute('href', '/awards/cycles/7');
    const chart = await screen.findByRole('table', { name: /^Scores out of 100: DEMO criteria/ });
    const figures = within(chart)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [within(r).getByRole('rowheader').textContent, within(r).getByRole('cell').textContent]);
    expect(figures).toEqual([
      ['Overall score', '72.4'],
      ['Planning and governance (1)', '80'],
      ['Inclusive learning (2)', '64.7'],
    ]);
    expect(screen.getByText('Evaluations counted').nextElementSibling).toHaveTextContent('3');
    const areas = screen.getByRole('table', { name: 'Mean score per area' });
    const inclusive = within(areas).getByRole('rowheader', { name: 'Inclusive learning' }).closest('tr') as HTMLElement;
    expect(within(inclusive).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '64.7']);
    const asked = requests.map((r) => new URL(r.url).pathname);
    expect(asked).toContain('/api/v1/award-cycles/7');
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('shows the area names of a result in Thai', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [summary] } },
      'GET /api/v1/frameworks': { body: frameworks },
      'GET /api/v1/award-cycles/7': { body: cycle },
    });
    await renderProfile('phayao', 'th');
    expect(await screen.findByRole('heading', { level: 1, name: 'พะเยา' })).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'การวางแผนและธรรมาภิบาล (1)' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'คะแนนรวม' })).toBeInTheDocument();
  });

  it('lists the initiatives the city takes part in, with its role, and says it is not a membership', async () => {
    const requests = fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
      'GET /api/v1/initiatives': { body: { items: [initiative], total: 1, next_cursor: null } },
    });
    const { container } = await renderProfile();

    const heading = await screen.findByRole('heading', { level: 2, name: 'Initiatives' });
    const section = heading.closest('section') as HTMLElement;
    expect(section).toHaveTextContent('Taking part in an initiative is not a membership of a network.');
    const list = within(section).getByRole('list', { name: 'Initiatives this city takes part in' });
    const item = within(list).getByRole('heading', { level: 3, name: 'National Platform Learning City' }).closest('li') as HTMLElement;
    expect(item).toHaveTextContent('Led by Equitable Education Fund');
    expect(item).toHaveTextContent('Role of this city: pilot area · Pilot area since 2022.');
    expect(item).toHaveTextContent('A national platform that supports learning cities.');
    const sources = within(item).getByRole('list', { name: 'Sources of the initiative National Platform Learning City' });
    expect(within(sources).getByRole('link', { name: 'EEF learning city platform' })).toHaveAttribute(
      'href',
      'https://www.eef.or.th/learning-city/',
    );
    const asked = requests.map((r) => new URL(r.url)).find((u) => u.pathname === '/api/v1/initiatives');
    expect(asked?.searchParams.get('city')).toBe('phayao');
    await screen.findByText('No award is recorded for this city in the published award cycles.');
    await screen.findByText('No published evaluation result is recorded for this city.');
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('shows the role of the city in an initiative in Thai', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
      'GET /api/v1/initiatives': { body: { items: [initiative], total: 1, next_cursor: null } },
    });
    await renderProfile('phayao', 'th');
    const heading = await screen.findByRole('heading', { level: 2, name: 'โครงการริเริ่ม' });
    expect(heading.closest('section')).toHaveTextContent('บทบาทของเมืองนี้: พื้นที่นำร่อง');
  });

  it('shows no initiatives section when the city takes part in none', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/phayao': { body: phayao },
      'GET /api/v1/cities/phayao/awards': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/cities/phayao/evaluations': { body: { items: [] } },
      'GET /api/v1/initiatives': { body: { items: [], total: 0, next_cursor: null } },
    });
    await renderProfile();
    expect(await screen.findByText('No published evaluation result is recorded for this city.')).toBeInTheDocument();
    await screen.findByText('No award is recorded for this city in the published award cycles.');
    expect(screen.queryByRole('heading', { level: 2, name: 'Initiatives' })).not.toBeInTheDocument();
    expect(screen.queryByText(/not a membership of a network/)).not.toBeInTheDocument();
  });

  it('shows the API 404 for an unknown city', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/cities/atlantis': {
        status: 404,
        body: {
          type: 'urn:learning-city:problem:not_found',
          title: 'Not found',
          status: 404,
          detail: 'No city has the slug atlantis.',
          code: 'not_found',
        },
      },
    });
    await renderProfile('atlantis');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found');
    expect(alert).toHaveTextContent('No city has the slug atlantis.');
    expect(screen.getByRole('heading', { level: 1, name: 'City not found' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
  });
});
