import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useLocation } from 'react-router';
import { fakeApi, renderAt } from '@/test/render';
import OrganisationsPage from './OrganisationsPage';
import { countries, organisations } from './fixtures';

const slow = { timeout: 5000 };

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

/** The list as the service filters it: `kind`, `q` (names and abbreviations), two rows a page. */
function api() {
  return fakeApi({
    'GET /api/v1/organisations': (request) => {
      const params = new URL(request.url).searchParams;
      const kind = params.get('kind');
      const q = params.get('q')?.toLowerCase();
      const matches = organisations.filter(
        (o) =>
          (!kind || o.kind === kind) &&
          (!q || [o.name.en, o.name.th, o.abbreviation?.en, o.abbreviation?.th].some((s) => s?.toLowerCase().includes(q))),
      );
      const start = Number(params.get('cursor') ?? 0);
      const size = 4;
      const next = start + size < matches.length ? String(start + size) : null;
      return { body: { items: matches.slice(start, start + size), total: matches.length, next_cursor: next } };
    },
    'GET /api/v1/countries': { body: countries },
  });
}

const lastList = (requests: Request[]) =>
  new URL(requests.filter((r) => new URL(r.url).pathname === '/api/v1/organisations').at(-1)?.url ?? 'http://x').searchParams;

function show(path = '/organisations', language = 'en') {
  return renderAt(
    <>
      <OrganisationsPage />
      <Where />
    </>,
    { path, language },
  );
}

async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('OrganisationsPage', () => {
  it('lists each organisation with its abbreviation, kind and country, linked to its page', async () => {
    api();
    await show();
    expect(screen.getByRole('heading', { level: 1, name: 'Organisations' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Organisations, by name' }, slow);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['ASEM Education and Research Hub for Lifelong Learning', 'ASEM LLL Hub', 'Network body', 'International'],
      ['Equitable Education Fund', 'EEF', 'Public fund', 'Thailand'],
      ['Office of National Higher Education Science Research and Innovation Policy Council', 'NXPO', 'Government agency', 'Thailand'],
      ['Program Management Unit for Area-Based Development', 'PMU-A', 'Government agency', 'Thailand'],
    ]);
    expect(within(table).getByRole('link', { name: 'Program Management Unit for Area-Based Development' })).toHaveAttribute(
      'href',
      '/organisations/pmu-a',
    );
    expect(screen.getByText('Organisations found: 6')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download this list as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/organisations?format=csv&bom=true',
    );
  });

  it('pages on with the cursor in the URL', async () => {
    const requests = api();
    await show();
    await screen.findByRole('table', { name: 'Organisations, by name' }, slow);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'University of Phayao' }, slow)).toHaveAttribute('href', '/organisations/university-of-phayao');
    expect(screen.getByTestId('where')).toHaveTextContent('?cursor=4');
    expect(lastList(requests).get('cursor')).toBe('4');
    const phayao = screen.getByRole('link', { name: 'University of Phayao' }).closest('tr') as HTMLElement;
    expect(within(phayao).getByText('None')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Results' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'Equitable Education Fund' }, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^$/);
  });

  it('filters by kind and by a search, both kept in the URL and sent to the API', async () => {
    const requests = api();
    await show();
    await screen.findByText('Organisations found: 6', undefined, slow);
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'government_agency');
    expect(await screen.findByText('Organisations found: 2', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?kind=government_agency$/);
    expect(lastList(requests).get('kind')).toBe('government_agency');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Name or abbreviation' }), 'pmu');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Organisations found: 1', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?kind=government_agency&q=pmu$/);
    expect(lastList(requests).get('q')).toBe('pmu');
    expect(lastList(requests).get('kind')).toBe('government_agency');
    expect(screen.getByRole('link', { name: 'Download this list as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/organisations?kind=government_agency&q=pmu&format=csv&bom=true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Organisations found: 6', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^$/);
    expect(screen.getByRole('searchbox', { name: 'Name or abbreviation' })).toHaveValue('');
  });

  it('reads the filters from the URL, ignoring an unknown kind', async () => {
    const requests = api();
    await show('/organisations?q=%E0%B8%81%E0%B8%AA%E0%B8%A8&kind=nonsense');
    expect(await screen.findByText('Organisations found: 1', undefined, slow)).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Name or abbreviation' })).toHaveValue('กสศ');
    expect(screen.getByLabelText('Kind')).toHaveValue('');
    expect(lastList(requests).get('q')).toBe('กสศ');
    expect(lastList(requests).has('kind')).toBe(false);
  });

  it('says so when nothing matches', async () => {
    api();
    await show('/organisations?q=nowhere');
    expect(await screen.findByText('No organisation matches this search and these filters.', undefined, slow)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('speaks Thai, with the Thai names and abbreviations where recorded', async () => {
    api();
    await show('/organisations', 'th');
    expect(screen.getByRole('heading', { level: 1, name: 'องค์กร' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'องค์กร เรียงตามชื่อ' }, slow);
    const row = within(table).getByRole('link', { name: 'กองทุนเพื่อความเสมอภาคทางการศึกษา' }).closest('tr') as HTMLElement;
    expect([...row.children].map((c) => c.textContent)).toEqual(['กองทุนเพื่อความเสมอภาคทางการศึกษา', 'กสศ.', 'กองทุนสาธารณะ', 'ไทย']);
    const hub = within(table).getByRole('link', { name: 'ASEM Education and Research Hub for Lifelong Learning' }).closest('tr') as HTMLElement;
    expect([...hub.children].map((c) => c.textContent)).toEqual([
      'ASEM Education and Research Hub for Lifelong Learning',
      'ASEM LLL Hub',
      'องค์กรเครือข่าย',
      'ระหว่างประเทศ',
    ]);
  });

  it('shows the problem when the list fails', async () => {
    fakeApi({
      'GET /api/v1/organisations': {
        status: 400,
        body: { type: 'urn:x', code: 'invalid_query', title: 'Invalid query', status: 400, detail: 'unknown kind' },
      },
      'GET /api/v1/countries': { body: countries },
    });
    await show();
    expect(await screen.findByRole('alert', undefined, slow)).toHaveTextContent('unknown kind');
  });

  it('passes the automated accessibility checks', async () => {
    api();
    const { container } = await show();
    await screen.findByRole('table', { name: 'Organisations, by name' }, slow);
    expect(await violations(container)).toEqual([]);
  });
});
