import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Link, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { storeTokens } from '@/auth/session';
import { fakeApi, renderAt } from '@/test/render';
import CitiesPage from './CitiesPage';
import { city, cork, page, reference } from './fixtures';

/** Shows the address the page put in the URL. */
function Where() {
  const location = useLocation();
  return (
    <output data-testid="where" data-key={location.key}>
      {location.search}
    </output>
  );
}

function renderDirectory(path = '/cities', language = 'en') {
  return renderAt(
    <>
      <CitiesPage />
      <Where />
      <Link to="/cities?q=khon">elsewhere</Link>
    </>,
    { path, route: '/cities', language },
  );
}

/** The query strings of the requests made to the city list. */
function listQueries(requests: Request[]): URLSearchParams[] {
  return requests.map((r) => new URL(r.url)).filter((u) => u.pathname === '/api/v1/cities').map((u) => u.searchParams);
}

function where(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('where').textContent ?? '');
}

describe('CitiesPage', () => {
  it('lists the cities with their country, province, networks and population, and the total', async () => {
    fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city(), cork], 2) } });
    const { container } = await renderDirectory();

    const table = await screen.findByRole('table', { name: 'Learning cities matching the filters' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const phayao = rows[1]!;
    expect(within(phayao).getByRole('link', { name: 'Phayao' })).toHaveAttribute('href', '/cities/phayao');
    expect(await within(phayao).findByText('Thailand')).toBeInTheDocument();
    expect(within(phayao).getByRole('cell', { name: 'Phayao' })).toBeInTheDocument();
    expect(within(phayao).getByRole('link', { name: 'UNESCO Global Network of Learning Cities' })).toHaveAttribute(
      'href',
      '/networks/unesco-gnlc',
    );
    expect(within(phayao).getByText('21,058')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('190,384')).toBeInTheDocument();
    expect(screen.getByText('Matching cities: 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Learning cities' })).toBeInTheDocument();
    // jsdom has no layout, so contrast is left to the browser tests.
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('sends a typed search once typing pauses, and a chosen filter at once, and keeps both in the URL', async () => {
    const requests = fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city()]) } });
    const user = userEvent.setup();
    await renderDirectory();
    await screen.findByRole('link', { name: 'Phayao' });

    const search = screen.getByRole('searchbox', { name: 'Name (English or Thai)' });
    // Spaces alone are no search: no request, and no navigation either.
    const entry = screen.getByTestId('where').dataset.key;
    await user.type(search, '  ');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(screen.getByTestId('where').dataset.key).toBe(entry);
    expect(listQueries(requests)).toHaveLength(1);
    await user.clear(search);
    await user.type(search, 'chiang');
    await waitFor(() => expect(where().get('q')).toBe('chiang'), { timeout: 2000 });
    await waitFor(() => expect(listQueries(requests).at(-1)?.get('q')).toBe('chiang'));
    // One request for the whole word, none per keystroke.
    expect(listQueries(requests).map((q) => q.get('q'))).toEqual([null, 'chiang']);

    const country = screen.getByRole('combobox', { name: 'Country' });
    await within(country).findByRole('option', { name: 'Thailand' });
    await user.selectOptions(country, 'TH');
    await waitFor(() => expect(where().get('country')).toBe('TH'));
    expect(where().get('q')).toBe('chiang');
    await waitFor(() => {
      const last = listQueries(requests).at(-1);
      expect(last?.get('country')).toBe('TH');
      expect(last?.get('q')).toBe('chiang');
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'unesco-gnlc');
    await waitFor(() => expect(listQueries(requests).at(-1)?.get('network')).toBe('unesco-gnlc'));
    expect(where().get('network')).toBe('unesco-gnlc');
  });

  it('sends the join-year range as member_since', async () => {
    const requests = fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city()]) } });
    const user = userEvent.setup();
    await renderDirectory();
    await screen.findByRole('link', { name: 'Phayao' });

    await user.type(screen.getByRole('textbox', { name: 'From year' }), '2016');
    await user.type(screen.getByRole('textbox', { name: 'To year' }), '2020');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(where().get('member_since')).toBe('2016..2020'));
    await waitFor(() => expect(listQueries(requests).at(-1)?.get('member_since')).toBe('2016..2020'));
  });

  it('reads the view from the URL: filters, order, the CSV link', async () => {
    const requests = fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city()]) } });
    await renderDirectory('/cities?country=TH&th_region=northern&network=unesco-gnlc&sort=-population&q=pha');

    await screen.findByRole('link', { name: 'Phayao' });
    const sent = listQueries(requests)[0]!;
    expect(Object.fromEntries(sent)).toEqual({
      country: 'TH',
      th_region: 'northern',
      network: 'unesco-gnlc',
      sort: '-population',
      q: 'pha',
    });
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('-population');
    expect(screen.getByRole('searchbox', { name: 'Name (English or Thai)' })).toHaveValue('pha');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Thai region' })).toHaveDisplayValue('Northern'));

    const csv = new URL(screen.getByRole('link', { name: /Download this list as CSV/ }).getAttribute('href') ?? '', 'http://x');
    expect(csv.pathname).toBe('/api/v1/cities');
    expect(csv.searchParams.get('format')).toBe('csv');
    expect(csv.searchParams.get('country')).toBe('TH');
    expect(csv.searchParams.get('sort')).toBe('-population');
    expect(csv.searchParams.get('cursor')).toBeNull();
  });

  it('pages with next_cursor, goes back with the cursor stack, and a new filter starts again at page one', async () => {
    const requests = fakeApi({
      ...reference,
      'GET /api/v1/cities': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        if (cursor === 'page-2') return { body: page([cork], 3, 'page-3') };
        if (cursor === 'page-3') return { body: page([city({ id: 9, slug: 'yala', name: { en: 'Yala', th: 'ยะลา' } })], 3) };
        return { body: page([city()], 3, 'page-2') };
      },
    });
    const user = userEvent.setup();
    await renderDirectory();
    await screen.findByRole('link', { name: 'Phayao' });
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'Cork' });
    expect(where().get('cursor')).toBe('page-2');
    expect(listQueries(requests).at(-1)?.get('cursor')).toBe('page-2');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'Yala' });
    expect(where().get('cursor')).toBe('page-3');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByRole('link', { name: 'Cork' });
    expect(where().get('cursor')).toBe('page-2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), '-name');
    await waitFor(() => expect(where().get('sort')).toBe('-name'));
    expect(where().get('cursor')).toBeNull();
    await waitFor(() => {
      const last = listQueries(requests).at(-1);
      expect(last?.get('sort')).toBe('-name');
      expect(last?.get('cursor')).toBeNull();
    });
  });

  it('shows Thai names in Thai', async () => {
    fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city(), cork]) } });
    await renderDirectory('/cities', 'th');

    expect(await screen.findByRole('link', { name: 'พะเยา' })).toHaveAttribute('href', '/cities/phayao');
    expect(await screen.findByRole('cell', { name: 'ไทย' })).toBeInTheDocument();
    // No Thai name recorded: the English one.
    expect(screen.getByRole('link', { name: 'Cork' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'เมืองแห่งการเรียนรู้' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'เรียงตาม' })).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([], 0) } });
    await renderDirectory('/cities?q=zzz');
    expect(await screen.findByText(/No city matches this search/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the problem the API answers with', async () => {
    fakeApi({
      ...reference,
      'GET /api/v1/cities': {
        status: 400,
        body: {
          type: 'urn:learning-city:problem:invalid_cursor',
          title: 'Invalid cursor',
          status: 400,
          detail: 'The cursor was not issued by this list and sort.',
          code: 'invalid_cursor',
        },
      },
    });
    const user = userEvent.setup();
    await renderDirectory('/cities?cursor=stale');
    expect(await screen.findByRole('alert')).toHaveTextContent('The cursor was not issued by this list and sort.');
    await user.click(screen.getByRole('button', { name: 'Go to the first page' }));
    await waitFor(() => expect(where().get('cursor')).toBeNull());
  });

  it('follows the URL when it changes from elsewhere (a link, the back button)', async () => {
    const requests = fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city()]) } });
    const user = userEvent.setup();
    await renderDirectory('/cities?q=pha');
    await screen.findByRole('link', { name: 'Phayao' });
    await user.click(screen.getByRole('link', { name: 'elsewhere' }));
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Name (English or Thai)' })).toHaveValue('khon'));
    await waitFor(() => expect(listQueries(requests).at(-1)?.get('q')).toBe('khon'));
  });

  it('lets staff list archived cities, without links to profiles they no longer have', async () => {
    storeTokens({ access_token: 'access', refresh_token: 'refresh', expires_in: 3600 });
    const requests = fakeApi({
      ...reference,
      'GET /api/v1/me': { body: { id: 1, email: 'admin@example.org', display_name: 'Admin', role: 'admin', city: null } },
      'GET /api/v1/cities': (request) =>
        new URL(request.url).searchParams.get('archived') === 'true'
          ? { body: page([city({ archived_at: '2025-05-01T00:00:00Z' })]) }
          : { body: page([city()]) },
    });
    const user = userEvent.setup();
    await renderDirectory();
    await user.click(await screen.findByRole('checkbox', { name: 'List archived cities instead' }));
    await waitFor(() => expect(where().get('archived')).toBe('true'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Archived cities' })).toBeInTheDocument();
    await screen.findByText('Archived 1 May 2025');
    expect(screen.queryByRole('link', { name: 'Phayao' })).not.toBeInTheDocument();
    expect(listQueries(requests).at(-1)?.get('archived')).toBe('true');
  });

  it('offers no archive switch to the public', async () => {
    fakeApi({ ...reference, 'GET /api/v1/cities': { body: page([city()]) } });
    await renderDirectory('/cities?archived=true');
    await screen.findByRole('link', { name: 'Phayao' });
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
