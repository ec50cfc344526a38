import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderAt, fakeApi } from '@/test/render';
import HomePage from './HomePage';

// The map and chart chunks are large for jsdom: allow a machine under load more than a second.
const slow = { timeout: 5000 };

const overview = {
  items: [
    { key: 'cities', label_en: 'Cities', label_th: 'เมือง', count: 181 },
    { key: 'networks', label_en: 'Networks', label_th: 'เครือข่าย', count: 3 },
    { key: 'awards', label_en: 'Awards', label_th: null, count: 1234 },
  ],
};

function city(slug: string, en: string, th: string | null, lat: number | null, lon: number | null) {
  return {
    id: slug.length, slug, name: { en, th }, country: 'TH', lat, lon, memberships: [],
    created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z',
  };
}

const cycles = {
  total: 3,
  next_cursor: null,
  items: [
    {
      id: 7, programme: 'demo-learning-city-award', year: 2026, status: 'published',
      title: { en: 'DEMO cycle 2026 (synthetic data)', th: null }, criteria: [],
      published_at: '2026-02-01T00:00:00Z', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
      categories: [
        { id: 1, slug: 'demo-2026-equity', cycle_id: 7, programme: 'demo-learning-city-award', year: 2026, name: { en: 'Equity', th: 'ความเสมอภาค' }, position: 1 },
        { id: 2, slug: 'demo-2026-children-and-youth', cycle_id: 7, programme: 'demo-learning-city-award', year: 2026, name: { en: 'Children and youth', th: 'เด็กและเยาวชน' }, position: 2 },
      ],
      results: [
        { category: 'demo-2026-equity', winners: [{ slug: 'chiang-mai', name: { en: 'Chiang Mai', th: 'เชียงใหม่' }, country: 'TH' }] },
        { category: 'demo-2026-children-and-youth', winners: [{ slug: 'phayao', name: { en: 'Phayao', th: 'พะเยา' }, country: 'TH' }] },
      ],
    },
    {
      id: 5, programme: 'unesco-learning-city-award', year: 2024, status: 'published',
      title: { en: 'UNESCO Learning City Award 2024', th: null }, criteria: [], ceremony: { en: 'ICLC6, Jubail, 3-5 Dec 2024', th: null },
      published_at: null, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z',
      categories: [{ id: 3, slug: 'unesco-learning-city-award-2024', cycle_id: 5, programme: 'unesco-learning-city-award', year: 2024, name: { en: 'Award', th: null }, position: 1 }],
      results: [{ category: 'unesco-learning-city-award-2024', winners: [{ slug: 'huejutla', name: { en: 'Huejutla de Reyes', th: null }, country: 'MX' }] }],
      announced_winners: 16, recorded_winners: 1, sources: [], verified: true, unverified_reason: null,
    },
    {
      id: 4, programme: 'unesco-learning-city-award', year: 2021, status: 'published',
      title: { en: 'UNESCO Learning City Award 2021', th: null }, criteria: [],
      published_at: null, created_at: '2021-01-01T00:00:00Z', updated_at: '2021-01-01T00:00:00Z',
      categories: [{ id: 4, slug: 'unesco-learning-city-award-2021', cycle_id: 4, programme: 'unesco-learning-city-award', year: 2021, name: { en: 'Award', th: null }, position: 1 }],
      results: [{ category: 'unesco-learning-city-award-2021', winners: [] }],
      announced_winners: 10, recorded_winners: 0, sources: [], verified: true, unverified_reason: null,
    },
  ],
};

function api() {
  return fakeApi({
    'GET /api/v1/stats/overview': { body: overview },
    'GET /api/v1/cities': (request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return cursor === 'page-2'
        ? { body: { items: [city('tokyo', 'Tokyo', 'โตเกียว', 35.68, 139.69)], total: 3, next_cursor: null } }
        : {
            body: {
              items: [city('phayao', 'Phayao', 'พะเยา', 19.17, 99.9), city('lost', 'Lost', null, null, null)],
              total: 3,
              next_cursor: 'page-2',
            },
          };
    },
    'GET /api/v1/award-cycles': { body: cycles },
    'GET /api/v1/events': { body: { items: [], total: 0, next_cursor: null } },
  });
}

const mapOf = (name: string) => within(screen.getByRole('group', { name }));

// jsdom has no layout, so contrast is left to the browser tests.
async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('HomePage', () => {
  // The map is a lazy chunk: load it once up front, so that the first test does not wait on it.
  beforeAll(() => import('@/components/map/AseanMap'));

  it('shows the key figures of the overview, linking onward', async () => {
    api();
    await renderAt(<HomePage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Learning cities of Thailand and ASEAN+3' })).toBeInTheDocument();
    const figures = await screen.findByRole('link', { name: '181 Cities' }, slow);
    expect(figures).toHaveAttribute('href', '/cities');
    expect(screen.getByRole('link', { name: '3 Networks' })).toHaveAttribute('href', '/networks');
    expect(screen.getByRole('link', { name: '1,234 Awards' })).toHaveAttribute('href', '/awards');
    expect(screen.getByText(/^These figures count what is recorded on this platform/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'How complete the data is' })).toHaveAttribute('href', '/data#coverage');
  });

  it('plots the ASEAN+3 cities of every page, skipping those without coordinates', async () => {
    const requests = api();
    await renderAt(<HomePage />);
    await screen.findByText(/Cities on the map: 2\./, undefined, slow);
    const points = mapOf('Learning cities in the ASEAN+3 countries').getAllByRole('link');
    expect(points.map((p) => p.getAttribute('aria-label'))).toEqual(['Phayao', 'Tokyo']);
    const asked = requests.filter((r) => new URL(r.url).pathname === '/api/v1/cities').map((r) => new URL(r.url).searchParams);
    expect(asked).toHaveLength(2);
    expect(asked[0]?.get('group')).toBe('asean_plus_3');
    expect(asked[0]?.get('limit')).toBe('200');
    expect(asked[1]?.get('cursor')).toBe('page-2');
    expect(screen.getByText('No recorded coordinates, so not on the map: 1.')).toBeInTheDocument();
  });

  it('shows the winners of the latest published cycles', async () => {
    const requests = api();
    await renderAt(<HomePage />);
    const cycle = await screen.findByRole('link', { name: 'DEMO cycle 2026 (synthetic data)' }, slow);
    expect(cycle).toHaveAttribute('href', '/awards/cycles/7');
    const equity = screen.getByRole('list', { name: 'Winners: Equity' });
    expect(within(equity).getByRole('link', { name: 'Chiang Mai' })).toHaveAttribute('href', '/cities/chiang-mai');
    expect(screen.getByRole('heading', { level: 4, name: 'Children and youth' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Huejutla de Reyes' })).toHaveAttribute('href', '/cities/huejutla');
    expect(screen.getByText('Ceremony: ICLC6, Jubail, 3-5 Dec 2024')).toBeInTheDocument();
    // Fewer winners recorded than announced: it says how many, instead of only listing them or "no winners".
    const cardOf = (name: string) => within(screen.getByRole('link', { name }).closest('li') as HTMLElement);
    expect(cardOf('UNESCO Learning City Award 2024').getByText('16 winners announced; 1 recorded here')).toBeInTheDocument();
    const none = cardOf('UNESCO Learning City Award 2021');
    expect(none.getByText('10 winners announced; none recorded here yet')).toBeInTheDocument();
    expect(none.queryByText('No winners are recorded for this cycle.')).not.toBeInTheDocument();
    expect(cardOf('DEMO cycle 2026 (synthetic data)').queryByText(/announced/)).not.toBeInTheDocument();
    const asked = requests.find((r) => new URL(r.url).pathname === '/api/v1/award-cycles');
    expect(new URL(asked?.url ?? 'http://x').searchParams.get('status')).toBe('published');
  });

  it('speaks Thai, with the API’s Thai labels and names', async () => {
    api();
    await renderAt(<HomePage />, { language: 'th' });
    expect(screen.getByRole('heading', { level: 1, name: 'เมืองแห่งการเรียนรู้ของไทยและอาเซียนบวกสาม' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '181 เมือง' }, slow)).toBeInTheDocument();
    // No Thai label recorded: the English one.
    expect(screen.getByRole('link', { name: '1,234 Awards' })).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'เมืองที่ได้รับรางวัล: ความเสมอภาค' }, slow)).toBeInTheDocument();
    expect(screen.getByText('ประกาศผู้ได้รับรางวัล 10 เมือง ยังไม่ได้บันทึกไว้ที่นี่')).toBeInTheDocument();
    await screen.findByText(/จำนวนเมืองบนแผนที่: 2/, undefined, slow);
    expect(mapOf('เมืองแห่งการเรียนรู้ในประเทศอาเซียนบวกสาม').getByRole('link', { name: 'พะเยา' })).toBeInTheDocument();
  });

  it('shows the problem when the overview fails', async () => {
    fakeApi({
      'GET /api/v1/stats/overview': {
        status: 503,
        body: { type: 'urn:x', code: 'database_unavailable', title: 'Database unavailable', status: 503, detail: 'try later' },
      },
      'GET /api/v1/cities': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/award-cycles': { body: { items: [], total: 0, next_cursor: null } },
      'GET /api/v1/events': { body: { items: [], total: 0, next_cursor: null } },
    });
    await renderAt(<HomePage />);
    const alert = await screen.findByRole('alert', undefined, slow);
    expect(alert).toHaveTextContent('The database is not available right now.');
    expect(alert).toHaveTextContent('try later');
    expect(await screen.findByText('No award cycle has been published yet.', undefined, slow)).toBeInTheDocument();
  });

  it('passes the automated accessibility checks', async () => {
    api();
    const { container } = await renderAt(<HomePage />);
    await screen.findByText(/Cities on the map: 2\./, undefined, slow);
    await screen.findByRole('link', { name: 'DEMO cycle 2026 (synthetic data)' }, slow);
    await screen.findByRole('link', { name: '181 Cities' }, slow);
    expect(await violations(container)).toEqual([]);
  });
});
