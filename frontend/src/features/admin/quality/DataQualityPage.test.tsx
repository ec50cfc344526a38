import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { fakeApi, renderAt } from '@/test/render';
import AdminArea from '@/features/admin/AdminArea';
import { CurrentUrl, queryOf, signedInAs, UI_TEST_TIMEOUT } from '@/features/admin/testing';

type Issue = components['schemas']['Issue'];

const issues: Issue[] = [
  {
    kind: 'near_duplicate',
    entity: 'city',
    id: 7,
    label: 'Kirklees',
    detail: 'Kirkless',
    href: '/api/v1/cities/kirklees',
    edit: '/admin/cities/kirklees',
  },
  {
    kind: 'missing_source',
    entity: 'membership',
    id: 5,
    label: 'Phayao in GNLC',
    detail: null,
    href: '/api/v1/memberships/5',
    edit: '/admin/memberships/5',
  },
  {
    kind: 'missing_source',
    entity: 'network_census',
    id: 9,
    label: 'GNLC, 2024',
    detail: null,
    href: null,
    edit: null,
  },
  {
    kind: 'missing_thai_name',
    entity: 'network',
    id: 2,
    label: 'Global Network of Learning Cities',
    detail: null,
    href: '/api/v1/networks/gnlc',
    edit: '/admin/networks/gnlc',
  },
];

/** The API's answer: the issues of `kind` (all when null), with a count of each kind among them. */
function report(kind: string | null) {
  const items = issues.filter((i) => !kind || i.kind === kind);
  const summary: Record<string, number> = {};
  for (const i of items) summary[i.kind] = (summary[i.kind] ?? 0) + 1;
  return { body: { summary, items } };
}

const qualityRequests = (requests: Request[]) => requests.filter((r) => r.url.includes('/data-quality'));

describe('the data-quality page', () => {
  it('lists the issues by kind, with a link to the editor of each record that has one', async () => {
    fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/data-quality': (request) => report(queryOf(request).get('kind')),
    });
    await renderAt(<AdminArea />, { path: '/admin/data-quality', route: '/admin/*' });

    const table = await screen.findByRole('table', { name: 'Data-quality issues' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'No Thai name',
      'No source',
      'No source',
      'Possible duplicate',
    ]);
    const duplicate = within(table).getByRole('row', { name: /Kirklees/ });
    expect(duplicate).toHaveTextContent('City');
    expect(duplicate).toHaveTextContent('Kirkless');
    expect(within(duplicate).getByRole('link', { name: 'Edit Kirklees' })).toHaveAttribute('href', '/admin/cities/kirklees');
    expect(within(table).getByRole('link', { name: 'Edit Phayao in GNLC' })).toHaveAttribute('href', '/admin/memberships/5');
    const census = within(table).getByRole('row', { name: /GNLC, 2024/ });
    expect(census).toHaveTextContent('Reported network size');
    expect(within(census).queryByRole('link')).not.toBeInTheDocument();

    // A secretariat account has a tab for the page.
    const tabs = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(tabs).getByRole('link', { name: 'Data quality' })).toHaveAttribute('href', '/admin/data-quality');
  }, UI_TEST_TIMEOUT);

  it('filters by kind through the summary, asking the API for that kind and keeping it in the URL', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('admin'),
      'GET /api/v1/data-quality': (request) => report(queryOf(request).get('kind')),
    });
    await renderAt(
      <>
        <AdminArea />
        <CurrentUrl />
      </>,
      { path: '/admin/data-quality', route: '/admin/*' },
    );
    const summary = await screen.findByRole('list', { name: 'Show issues of one kind' });
    expect(within(summary).getByRole('button', { name: 'All 4' })).toHaveAttribute('aria-pressed', 'true');
    const missingSource = within(summary).getByRole('button', { name: 'No source 2' });
    expect(missingSource).toHaveAttribute('aria-pressed', 'false');
    expect(within(summary).getByRole('button', { name: 'No coordinates 0' })).toBeInTheDocument();

    await user.click(missingSource);
    expect(screen.getByTestId('url')).toHaveTextContent('/admin/data-quality?kind=missing_source');
    await waitFor(() => expect(queryOf(qualityRequests(requests).at(-1)).get('kind')).toBe('missing_source'));
    const table = await screen.findByRole('table', { name: 'Data-quality issues: No source' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).queryByText('Kirklees')).not.toBeInTheDocument();
    // The counts stay those of the whole report, and the chosen kind is marked.
    expect(within(summary).getByRole('button', { name: 'All 4' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(summary).getByRole('button', { name: 'No source 2' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(summary).getByRole('button', { name: 'All 4' }));
    expect(screen.getByTestId('url')).toHaveTextContent(/\/admin\/data-quality$/);
    expect(await screen.findByRole('table', { name: 'Data-quality issues' })).toHaveTextContent('Kirklees');
  }, UI_TEST_TIMEOUT);

  it('says there is nothing to fix when the report is empty', async () => {
    fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/data-quality': { body: { summary: {}, items: [] } },
    });
    await renderAt(<AdminArea />, { path: '/admin/data-quality', route: '/admin/*' });
    expect(await screen.findByText('Nothing to fix: every check passes.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'All 0' })).toHaveAttribute('aria-pressed', 'true');
  }, UI_TEST_TIMEOUT);

  it('says so when no record has the kind of issue in the URL', async () => {
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/data-quality': (request) => report(queryOf(request).get('kind')),
    });
    await renderAt(<AdminArea />, { path: '/admin/data-quality?kind=missing_coordinates', route: '/admin/*' });
    expect(await screen.findByText('Nothing to fix: no record has the issue “No coordinates”.')).toBeInTheDocument();
    expect(qualityRequests(requests).map((r) => queryOf(r).get('kind'))).toContain('missing_coordinates');
  }, UI_TEST_TIMEOUT);
});
