import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useLocation } from 'react-router';
import { renderAt, fakeApi } from '@/test/render';
import NetworkPage from './NetworkPage';
import { asean, census, countries, gnlc, member, thailand } from './fixtures';

// The map and chart chunks are large for jsdom: allow a machine under load more than a second.
const slow = { timeout: 5000 };

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

const members = [
  member(1, 'cork', 'Cork', 'คอร์ก', 'IE', 2015, 51.9, -8.47),
  member(2, 'phayao', 'Phayao', 'พะเยา', 'TH', 2024, 19.17, 99.9),
  member(3, 'chiang-mai', 'Chiang Mai', 'เชียงใหม่', 'TH', null, null, null),
];

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/networks/unesco-gnlc': { body: gnlc },
    'GET /api/v1/networks/asean-learning-cities': { body: asean },
    'GET /api/v1/networks/asean-learning-cities/members': { body: { items: [], total: 0, next_cursor: null } },
    'GET /api/v1/networks/asean-learning-cities/census': { body: { items: [], total: 0, next_cursor: null } },
    'GET /api/v1/networks/thailand-learning-cities': { body: thailand },
    'GET /api/v1/networks/thailand-learning-cities/members': { body: { items: [], total: 0, next_cursor: null } },
    'GET /api/v1/networks/thailand-learning-cities/census': { body: { items: [], total: 0, next_cursor: null } },
    'GET /api/v1/networks/unesco-gnlc/census': { body: census },
    'GET /api/v1/networks/unesco-gnlc/members': (request) => {
      const params = new URL(request.url).searchParams;
      if (params.get('limit') === '200') return { body: { items: members, total: 3, next_cursor: null } };
      const sorted = params.get('sort') === 'name' ? [members[2]!, members[0]!, members[1]!] : members;
      // Two rows a page, to have a second page.
      const second = params.get('cursor') === 'after-2';
      return {
        body: { items: second ? sorted.slice(2) : sorted.slice(0, 2), total: 3, next_cursor: second ? null : 'after-2' },
      };
    },
    'GET /api/v1/stats/membership-growth': (request) => ({
      body: {
        items:
          new URL(request.url).searchParams.get('network') === 'unesco-gnlc'
            ? [
                { network: 'unesco-gnlc', year: 2015, new_members: 1, cumulative: 1 },
                { network: 'unesco-gnlc', year: 2024, new_members: 1, cumulative: 2 },
              ]
            : [],
      },
    }),
    'GET /api/v1/countries': { body: countries },
    ...overrides,
  });
}

function show(path = '/networks/unesco-gnlc', language = 'en') {
  return renderAt(
    <>
      <NetworkPage />
      <Where />
    </>,
    { path, route: '/networks/:slug', language },
  );
}

const path = (r: Request) => new URL(r.url).pathname;
const query = (r: Request | undefined) => new URL(r?.url ?? 'http://x').searchParams;

// jsdom has no layout, so contrast is left to the browser tests.
async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('NetworkPage', () => {
  beforeAll(async () => {
    await import('@/components/map/AseanMap');
    await import('@/components/charts/LineChart');
  });

  it('shows the facts of the network', async () => {
    api();
    await show();
    expect(await screen.findByRole('heading', { level: 1, name: 'UNESCO Global Network of Learning Cities' }, slow)).toBeInTheDocument();
    const facts = within(screen.getAllByRole('definition')[0]!.closest('dl') as HTMLElement);
    expect(facts.getByText('Global')).toBeInTheDocument();
    // No organisation is linked as the GNLC's secretariat: the older free text still names it.
    expect(facts.getByText('Secretariat')).toBeInTheDocument();
    expect(facts.getByText('UNESCO Institute for Lifelong Learning')).toBeInTheDocument();
    expect(facts.getByText('2015')).toBeInTheDocument();
    expect(facts.getByText('Active members').nextElementSibling).toHaveTextContent(
      '128 of 425 members recorded here (30 %); its organisers reported 425 in 95 countries on 4 December 2025 (source of the report)',
    );
    expect(facts.getByRole('link', { name: 'source of the report' })).toHaveAttribute('href', gnlc.reported.source_url);
    expect(facts.getByRole('link', { name: gnlc.website })).toHaveAttribute('href', gnlc.website);
    const sources = screen.getByRole('list', { name: 'Sources of the record of UNESCO Global Network of Learning Cities' });
    expect(within(sources).getByRole('link', { name: 'UNESCO Global Network of Learning Cities' })).toHaveAttribute(
      'href',
      'https://www.uil.unesco.org/en/learning-cities',
    );
    expect(sources).toHaveTextContent('UNESCO Institute for Lifelong Learning · published 4 December 2025');
  });

  it('lists the organisations with a role in the network, each once with its translated roles, linked to its page', async () => {
    api();
    await show('/networks/thailand-learning-cities');
    expect(await screen.findByRole('heading', { level: 2, name: 'Organisations' }, slow)).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Organisations with a role in Thailand Network of Learning Cities' });
    const items = within(list).getAllByRole('listitem');
    // The secretariat first, then the partners by name; PMU-A and UNESCO Bangkok once each with both roles.
    expect(items.map((item) => item.textContent)).toEqual([
      'University of Phayao: Secretariat',
      'Equitable Education Fund (EEF): Partner',
      'Office of Knowledge Management and Development (OKMD): Partner',
      'Program Management Unit for Area-Based Development (PMU-A): Partner, Supporter',
      'UNESCO Regional Office in Bangkok (UNESCO Bangkok): Partner, Supporter',
    ]);
    expect(within(items[0]!).getByRole('link', { name: 'University of Phayao' })).toHaveAttribute('href', '/organisations/university-of-phayao');
    expect(within(items[3]!).getByRole('link', { name: 'Program Management Unit for Area-Based Development' })).toHaveAttribute(
      'href',
      '/organisations/pmu-a',
    );
    // The facts leave the secretariat to that list, and the older free text is not shown.
    const facts = within(screen.getAllByRole('definition')[0]!.closest('dl') as HTMLElement);
    expect(facts.queryByText('Secretariat')).not.toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'University of Phayao' })).toHaveLength(1);
  });

  it('lists the organisations in Thai, with their Thai names and abbreviations where recorded', async () => {
    api();
    await show('/networks/thailand-learning-cities', 'th');
    const list = await screen.findByRole('list', { name: 'องค์กรที่มีบทบาทในเครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย' }, slow);
    expect(screen.getByRole('heading', { level: 2, name: 'องค์กร' })).toBeInTheDocument();
    const items = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(items[0]).toBe('University of Phayao: สำนักเลขานุการ');
    expect(items).toContain('หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.): ภาคีความร่วมมือ, ผู้สนับสนุน');
    expect(items).toContain('Office of Knowledge Management and Development (OKMD): ภาคีความร่วมมือ');
  });

  it('shows the older free-text secretariat, and no organisations block, where the network links no organisation', async () => {
    api({ 'GET /api/v1/networks/unesco-gnlc': { body: { ...gnlc, organisations: [] } } });
    await show();
    expect(await screen.findByRole('heading', { level: 1, name: 'UNESCO Global Network of Learning Cities' }, slow)).toBeInTheDocument();
    const facts = within(screen.getAllByRole('definition')[0]!.closest('dl') as HTMLElement);
    expect(facts.getByText('Secretariat').nextElementSibling).toHaveTextContent(/^UNESCO Institute for Lifelong Learning$/);
    expect(screen.queryByRole('heading', { level: 2, name: 'Organisations' })).not.toBeInTheDocument();
  });

  it('lists the sizes the organisers reported, newest first, with their sources, apart from the members recorded here', async () => {
    const requests = api();
    await show();
    expect(await screen.findByRole('heading', { level: 2, name: 'Reported size' }, slow)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Sizes of the network reported by its organisers, newest first' }, slow);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['4 December 2025', '12 September 2024', '1 February 2024']);
    expect(within(rows[0]!).getAllByRole('cell').slice(0, 4).map((c) => c.textContent)).toEqual(['425', '95', '69', '12']);
    expect(within(rows[0]!).getByRole('link', { name: 'Source' })).toHaveAttribute(
      'href',
      'https://www.uil.unesco.org/en/articles/gnlc-new-members-2025',
    );
    expect(rows[1]).toHaveTextContent('UIL press release; another page says 357.');
    expect(rows[1]).toHaveTextContent('Not verified: Two UIL pages give different totals.');
    expect(within(rows[1]!).getByText('The network now counts 356 cities in 79 countries.').tagName).toBe('Q');
    expect(within(rows[2]!).getAllByText('Not stated')).toHaveLength(3);
    expect(within(rows[2]!).getByText('No source')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download the reported sizes as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/networks/unesco-gnlc/census?format=csv&bom=true',
    );
    expect(query(requests.find((r) => path(r) === '/api/v1/networks/unesco-gnlc/census')).get('limit')).toBe('200');
  });

  it('plots the members with coordinates inside the frame', async () => {
    api();
    await show();
    await screen.findByText(/Cities on the map: 1\./, undefined, slow);
    const map = within(screen.getByRole('group', { name: 'Members of UNESCO Global Network of Learning Cities in and around the ASEAN+3 countries' }));
    expect(map.getAllByRole('link').map((a) => a.getAttribute('aria-label'))).toEqual(['Phayao']);
    expect(screen.getByText('Outside the area shown, so not on the map: 1.')).toBeInTheDocument();
    expect(screen.getByText('No recorded coordinates, so not on the map: 1.')).toBeInTheDocument();
  });

  it('charts the membership growth of this network', async () => {
    const requests = api();
    await show();
    const chart = await screen.findByRole('table', { name: 'Members of UNESCO Global Network of Learning Cities who had joined, by year' }, slow);
    const columns = within(chart).getAllByRole('columnheader').map((h) => h.textContent);
    expect(columns).toEqual(['Year', 'Recorded here: members who had joined', 'Reported by the organisers (latest report of the year)']);
    const rows = within(chart).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));
    // The reported size of 2024 is the later of its two reports.
    expect(rows).toEqual([
      ['2015', '1', 'No figure'],
      ['2024', '2', '356'],
      ['2025', 'No figure', '425'],
    ]);
    expect(screen.getByText(/^The dashed line is the size the organisers reported/)).toBeInTheDocument();
    expect(query(requests.find((r) => path(r) === '/api/v1/stats/membership-growth')).get('network')).toBe('unesco-gnlc');
  });

  it('lists the members, and writes the chosen order to the URL', async () => {
    const requests = api();
    await show();
    const table = await screen.findByRole('table', { name: 'Member cities of the network' }, slow);
    expect(within(table).getByRole('link', { name: 'Cork' })).toHaveAttribute('href', '/cities/cork');
    expect(within(table).getByText('Ireland')).toBeInTheDocument();
    const sources = within(table).getByRole('list', { name: 'Sources of the membership of Cork' });
    expect(within(sources).getByRole('link', { name: 'Source' })).toHaveAttribute('href', 'https://example.org/source/cork');
    await userEvent.selectOptions(screen.getByLabelText('Order'), 'name');
    expect(screen.getByTestId('where')).toHaveTextContent('?sort=name');
    expect(await within(table).findByRole('link', { name: 'Chiang Mai' }, slow)).toBeInTheDocument();
    const paged = requests.filter((r) => path(r) === '/api/v1/networks/unesco-gnlc/members' && query(r).get('limit') === '50');
    expect(query(paged.at(-1)).get('sort')).toBe('name');
    expect(screen.getByRole('link', { name: 'Download the whole member list as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/networks/unesco-gnlc/members?sort=name&format=csv&bom=true',
    );
  });

  it('pages through the members with the cursor in the URL, keeping the order', async () => {
    const requests = api();
    await show('/networks/unesco-gnlc?sort=-joined');
    const table = await screen.findByRole('table', { name: 'Member cities of the network' }, slow);
    expect(screen.getByLabelText('Order')).toHaveValue('-joined');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await within(table).findByRole('link', { name: 'Chiang Mai' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('?sort=-joined&cursor=after-2');
    const last = requests.filter((r) => path(r) === '/api/v1/networks/unesco-gnlc/members').at(-1);
    expect(query(last).get('cursor')).toBe('after-2');
    expect(query(last).get('sort')).toBe('-joined');
    expect(within(table).getByText('Not recorded')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await within(table).findByRole('link', { name: 'Cork' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?sort=-joined$/);
  });

  it('says so when a planned network has no members', async () => {
    api();
    await show('/networks/asean-learning-cities');
    expect(await screen.findByText('This network is planned: it does not operate yet.', undefined, slow)).toBeInTheDocument();
    expect(await screen.findByText('There are no member cities to show on the map.', undefined, slow)).toBeInTheDocument();
    expect(await screen.findByText('No members are recorded for this network.', undefined, slow)).toBeInTheDocument();
    expect(await screen.findByText(/No join years are recorded/, undefined, slow)).toBeInTheDocument();
    expect(await screen.findByText('No reported size is recorded for this network.', undefined, slow)).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Not verified: The plans for this network are known from one news report only.');
    expect(screen.getByText('No source is recorded.')).toBeInTheDocument();
    expect(screen.getByText('Active members').nextElementSibling).toHaveTextContent(/^0 members recorded here$/);
  });

  it('speaks Thai', async () => {
    api();
    await show('/networks/unesco-gnlc', 'th');
    expect(await screen.findByRole('heading', { level: 1, name: 'เครือข่ายเมืองแห่งการเรียนรู้โลกของยูเนสโก' }, slow)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'การเติบโตของจำนวนสมาชิก' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'เมืองสมาชิกของเครือข่าย' }, slow);
    expect(within(table).getByRole('link', { name: 'คอร์ก' })).toBeInTheDocument();
    expect(await within(table).findByText('ไอร์แลนด์', undefined, slow)).toBeInTheDocument();
    expect(screen.getByText('สมาชิกที่ยังดำเนินการอยู่').nextElementSibling).toHaveTextContent(
      /^บันทึกไว้ในแพลตฟอร์มนี้ 128 จาก 425 เมือง \(30%\); ผู้ดำเนินงานเครือข่ายรายงานว่ามีสมาชิก 425 เมืองใน 95 ประเทศ ณ วันที่ 4 ธันวาคม 2025/,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'ขนาดเครือข่ายตามที่รายงาน' })).toBeInTheDocument();
  });

  it('shows the API’s 404 for an unknown network', async () => {
    fakeApi({
      'GET /api/v1/networks/nowhere': {
        status: 404,
        body: { type: 'urn:learning-city:problem:not_found', code: 'not_found', title: 'Not found', status: 404, detail: 'no network nowhere' },
      },
      'GET /api/v1/countries': { body: countries },
    });
    await show('/networks/nowhere');
    const alert = await screen.findByRole('alert', undefined, slow);
    expect(alert).toHaveTextContent('Not found');
    expect(alert).toHaveTextContent('no network nowhere');
    expect(screen.getByRole('heading', { level: 1, name: 'Network' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All networks' })).toHaveAttribute('href', '/networks');
  });

  it('passes the automated accessibility checks', async () => {
    api();
    const { container } = await show();
    await screen.findByText(/Cities on the map: 1\./, undefined, slow);
    await screen.findByRole('table', { name: 'Member cities of the network' }, slow);
    await screen.findByRole('table', { name: /who had joined, by year/ }, slow);
    await screen.findByRole('table', { name: /reported by its organisers/ }, slow);
    expect(await violations(container)).toEqual([]);
  });
});
