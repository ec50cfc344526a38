import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { renderAt, fakeApi } from '@/test/render';
import ResultsPage from './ResultsPage';
import {
  citiesByCountry,
  demoAreas,
  equity,
  equityNormalized,
  frameworks,
  networks,
  publishedCycles,
  youth,
} from './fixtures';

// Generous waits: the suite also runs on loaded CI machines.
configure({ asyncUtilTimeout: 5000 });

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

const where = () => new URLSearchParams(screen.getByTestId('where').textContent ?? '');

function api(cycles = publishedCycles) {
  return fakeApi({
    'GET /api/v1/award-cycles': { body: { items: cycles, next_cursor: null, total: cycles.length } },
    'GET /api/v1/award-cycles/7/rankings': (request) => {
      const query = new URL(request.url).searchParams;
      if (query.get('category') === 'demo-2026-children-and-youth') return { body: youth };
      return { body: query.get('normalize') === 'true' ? equityNormalized : equity };
    },
    'GET /api/v1/award-cycles/6/rankings': {
      body: { ...equity, cycle_id: 6, category: 'unesco-learning-city-award-2024', framework: 'unesco-lca-2024-v1', entries: [] },
    },
    'GET /api/v1/evaluation-stats/areas': { body: demoAreas },
    'GET /api/v1/frameworks': { body: frameworks },
    'GET /api/v1/networks': { body: networks },
    'GET /api/v1/stats/cities-by-country': { body: citiesByCountry },
    'GET /api/v1/monitoring-rounds': { body: { items: [], next_cursor: null, total: 0 } },
  });
}

const page = (
  <>
    <ResultsPage />
    <Where />
  </>
);

function rankingRequests(requests: Request[]) {
  return requests.filter((r) => new URL(r.url).pathname.endsWith('/rankings')).map((r) => new URL(r.url).searchParams);
}

describe('ResultsPage', { timeout: 20000 }, () => {
  it('ranks the entries in rank order with their scores, areas, evaluations, spread and agreement', async () => {
    api();
    await renderAt(page, { path: '/results?cycle=7&category=demo-2026-equity' });
    expect(screen.getByRole('heading', { level: 1, name: 'Evaluation results' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Ranking of DEMO: Equity, DEMO cycle 2026 (synthetic data)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Sukhothai', 'Yala', 'Chiang Mai']);
    const first = within(rows[0] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    // rank, mean, four areas, evaluations, spread, range, agreement
    expect(first).toEqual(['1', '45.8', '50.0', '33.3', '66.7', '33.3', '3', '14.7', '25.0–56.3', 'Medium']);
    expect(within(rows[2] as HTMLElement).getByText('Low')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Sukhothai' })).toHaveAttribute('href', '/cities/sukhothai');
    expect(within(table).getByRole('columnheader', { name: 'Area 1: Advancement of learning city plan' })).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Mean z-score' })).not.toBeInTheDocument();
    expect(screen.getByText(/then more evaluations, then smaller spread, then city name, then nomination id/)).toHaveAttribute(
      'lang',
      'en',
    );
  });

  it('chooses the newest cycle with a ranking and its first category when the address names none', async () => {
    const requests = api();
    await renderAt(page, { path: '/results' });
    await screen.findByRole('table', { name: /^Ranking of DEMO: Children and Youth/ });
    const cycle = screen.getByRole('combobox', { name: 'Award cycle' });
    expect(within(cycle).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'DEMO cycle 2026 (synthetic data)',
      'UNESCO Learning City Award 2024',
    ]);
    expect(rankingRequests(requests)[0]?.get('category')).toBe('demo-2026-children-and-youth');
  });

  it('normalises per evaluator when the toggle is set: in the address, the request and a z-score column', async () => {
    const requests = api();
    await renderAt(page, { path: '/results?cycle=7&category=demo-2026-equity' });
    await screen.findByRole('table', { name: /^Ranking of DEMO: Equity/ });
    const toggle = screen.getByRole('checkbox', { name: 'Normalise per evaluator (z-scores)' });
    expect(toggle).not.toBeChecked();
    expect(rankingRequests(requests).every((q) => !q.has('normalize'))).toBe(true);
    await userEvent.click(toggle);
    expect(where().get('normalize')).toBe('true');
    expect(where().get('cycle')).toBe('7');
    const table = await screen.findByRole('table', { name: /^Ranking of DEMO: Equity/ });
    const header = await within(table).findByRole('columnheader', { name: 'Mean z-score' });
    expect(header).toBeInTheDocument();
    expect(rankingRequests(requests).at(-1)?.get('normalize')).toBe('true');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[1]).toHaveTextContent('+0.06');
    expect(within(rows[2] as HTMLElement).getAllByRole('cell')[1]).toHaveTextContent('-0.59');
    await userEvent.click(toggle);
    expect(where().has('normalize')).toBe(false);
  });

  it('keeps a shared address: a normalised ranking of another category is shown as the link says', async () => {
    const requests = api();
    await renderAt(page, { path: '/results?cycle=7&category=demo-2026-equity&normalize=true' });
    await screen.findByRole('columnheader', { name: 'Mean z-score' });
    expect(screen.getByRole('checkbox', { name: 'Normalise per evaluator (z-scores)' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('demo-2026-equity');
    const sent = rankingRequests(requests);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.get('category')).toBe('demo-2026-equity');
    expect(sent[0]?.get('normalize')).toBe('true');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'demo-2026-children-and-youth');
    expect(where().get('category')).toBe('demo-2026-children-and-youth');
    await screen.findByRole('table', { name: /^Ranking of DEMO: Children and Youth/ });
  });

  it('says so when a category has no counted evaluations, and when no cycle has published results', async () => {
    api();
    const { unmount } = await renderAt(page, { path: '/results?cycle=6' });
    expect(await screen.findByText('No evaluations have been counted in this category yet, so there is no ranking.')).toHaveAttribute(
      'role',
      'status',
    );
    unmount();
    api(publishedCycles.filter((c) => !c.framework));
    await renderAt(page, { path: '/results' });
    expect(await screen.findByText('No award cycle has published evaluation results yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('draws the area averages of the cycle\'s framework and keeps the area filters in the address and the request', async () => {
    const requests = api();
    await renderAt(page, { path: '/results?cycle=7' });
    const chart = await screen.findByRole('figure', {
      name: 'Mean score per area (0–100): DEMO criteria (synthetic data) (demo-criteria-v1) · All networks · All countries · All years',
    });
    expect(within(chart).getByRole('cell', { name: '44.4' })).toBeInTheDocument();
    expect(within(chart).getByRole('rowheader', { name: 'Advancement of learning city plan (6 cities, 18 evaluations)' })).toBeInTheDocument();
    const areaQuery = () =>
      requests.filter((r) => new URL(r.url).pathname === '/api/v1/evaluation-stats/areas').map((r) => new URL(r.url).searchParams);
    expect(areaQuery()[0]?.get('framework')).toBe('demo-criteria-v1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'unesco-gnlc');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'TH');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Year' }), '2026');
    expect(where().get('network')).toBe('unesco-gnlc');
    expect(where().get('country')).toBe('TH');
    expect(where().get('year')).toBe('2026');
    await waitFor(() => {
      const last = areaQuery().at(-1);
      expect([last?.get('network'), last?.get('country'), last?.get('year')]).toEqual(['unesco-gnlc', 'TH', '2026']);
    });
    expect(screen.getByRole('link', { name: 'Download these averages as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/evaluation-stats/areas?framework=demo-criteria-v1&network=unesco-gnlc&country=TH&year=2026&format=csv&bom=true',
    );
  });

  it('speaks Thai', async () => {
    api();
    await renderAt(page, { path: '/results?cycle=7&category=demo-2026-equity', language: 'th' });
    expect(screen.getByRole('heading', { level: 1, name: 'ผลการประเมิน' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'การจัดอันดับ DEMO: Equity (รอบสาธิต 2569 (ข้อมูลสมมติ))' });
    expect(within(table).getByRole('columnheader', { name: 'อันดับ' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'สุโขทัย' })).toBeInTheDocument();
    expect(within(table).getAllByText('ปานกลาง')).toHaveLength(2);
    expect(screen.getByRole('checkbox', { name: 'ปรับมาตรฐานคะแนนรายผู้ประเมิน (ค่า z)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'วิธีคำนวณการจัดอันดับ' })).toBeInTheDocument();
  });
});
