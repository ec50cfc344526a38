import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useLocation } from 'react-router';
import { renderAt, fakeApi } from '@/test/render';
import NetworksPage from './NetworksPage';
import { asean, countries, gnlc, thailand } from './fixtures';

// The map and chart chunks are large for jsdom: allow a machine under load more than a second.
const slow = { timeout: 5000 };

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

function api() {
  return fakeApi({
    'GET /api/v1/networks': (request) => {
      const scope = new URL(request.url).searchParams.get('scope');
      const items = [asean, thailand, gnlc].filter((n) => !scope || n.scope === scope);
      return { body: { items, total: items.length, next_cursor: null } };
    },
    'GET /api/v1/countries': { body: countries },
  });
}

const cardOf = (name: string) => {
  const card = screen.getByRole('link', { name }).closest('li');
  if (!card) throw new Error(`no card for ${name}`);
  return within(card);
};

// jsdom has no layout, so contrast is left to the browser tests.
async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('NetworksPage', () => {
  it('lists each network with its scope, status, secretariat (linked where it is an organisation), founding year and members', async () => {
    api();
    await renderAt(<NetworksPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Networks of learning cities' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'UNESCO Global Network of Learning Cities' }, slow);
    expect(link).toHaveAttribute('href', '/networks/unesco-gnlc');
    const global = cardOf('UNESCO Global Network of Learning Cities');
    expect(global.getByText('Global')).toBeInTheDocument();
    // Linked organisations but no secretariat among them: the older free text names it.
    expect(global.getByText('Secretariat')).toBeInTheDocument();
    expect(global.getByText('UNESCO Institute for Lifelong Learning')).toBeInTheDocument();
    expect(global.getByText('2015')).toBeInTheDocument();
    expect(global.getByText('Active members').nextElementSibling).toHaveTextContent(
      '128 of 425 members recorded here (30 %); its organisers reported 425 in 95 countries on 4 December 2025 (source of the report)',
    );
    const regional = cardOf('ASEAN Regional Learning City Network');
    expect(regional.getByText('Planned')).toBeInTheDocument();
    expect(regional.getAllByText('Not recorded')).toHaveLength(2);
    const national = cardOf('Thailand Network of Learning Cities');
    expect(national.getByText('Secretariat').nextElementSibling).toHaveTextContent(/^University of Phayao$/);
    expect(national.getByRole('link', { name: 'University of Phayao' })).toHaveAttribute('href', '/organisations/university-of-phayao');
    expect(national.getByText('Thailand')).toBeInTheDocument();
    expect(national.getByText('0 members recorded here')).toBeInTheDocument();
    expect(screen.getByText('Networks found: 3')).toBeInTheDocument();
  });

  it('speaks Thai', async () => {
    api();
    await renderAt(<NetworksPage />, { language: 'th' });
    expect(screen.getByRole('heading', { level: 1, name: 'เครือข่ายเมืองแห่งการเรียนรู้' })).toBeInTheDocument();
    await screen.findByRole('link', { name: 'เครือข่ายเมืองแห่งการเรียนรู้ระดับภูมิภาคอาเซียน' }, slow);
    const regional = cardOf('เครือข่ายเมืองแห่งการเรียนรู้ระดับภูมิภาคอาเซียน');
    expect(regional.getByText('อยู่ระหว่างการจัดตั้ง')).toBeInTheDocument();
    expect(regional.getByText('ระดับภูมิภาค')).toBeInTheDocument();
    expect(await screen.findByText('ไทย', undefined, slow)).toBeInTheDocument();
  });

  it('filters by scope, kept in the URL and sent to the API', async () => {
    const requests = api();
    await renderAt(
      <>
        <NetworksPage />
        <Where />
      </>,
    );
    await screen.findByText('Networks found: 3', undefined, slow);
    await userEvent.selectOptions(screen.getByLabelText('Scope'), 'national');
    expect(await screen.findByText('Networks found: 1', undefined, slow)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('?scope=national');
    expect(screen.queryByRole('link', { name: 'UNESCO Global Network of Learning Cities' })).not.toBeInTheDocument();
    const last = requests.filter((r) => new URL(r.url).pathname === '/api/v1/networks').at(-1);
    expect(new URL(last?.url ?? 'http://x').searchParams.get('scope')).toBe('national');
  });

  it('reads the filter from the URL', async () => {
    const requests = api();
    await renderAt(<NetworksPage />, { path: '/networks?scope=regional' });
    expect(await screen.findByText('Networks found: 1', undefined, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('Scope')).toHaveValue('regional');
    const asked = requests.find((r) => new URL(r.url).pathname === '/api/v1/networks');
    expect(new URL(asked?.url ?? 'http://x').searchParams.get('scope')).toBe('regional');
  });

  it('shows the problem when the list fails', async () => {
    fakeApi({
      'GET /api/v1/networks': {
        status: 400,
        body: { type: 'urn:x', code: 'invalid_query', title: 'Invalid query', status: 400, detail: 'bad scope' },
      },
      'GET /api/v1/countries': { body: countries },
    });
    await renderAt(<NetworksPage />);
    expect(await screen.findByRole('alert', undefined, slow)).toHaveTextContent('bad scope');
  });

  it('passes the automated accessibility checks', async () => {
    api();
    const { container } = await renderAt(<NetworksPage />);
    await screen.findByText('Networks found: 3', undefined, slow);
    expect(await violations(container)).toEqual([]);
  });
});
