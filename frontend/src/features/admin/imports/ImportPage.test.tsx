import { File as NodeFile } from 'node:buffer';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { fakeApi, renderAt } from '@/test/render';
import AdminArea from '@/features/admin/AdminArea';
import { queryOf, signedInAs, UI_TEST_TIMEOUT } from '@/features/admin/testing';
import { XLSX } from './api';

type ImportKindInfo = components['schemas']['ImportKindInfo'];
type ImportReport = components['schemas']['ImportReport'];
type RowReport = components['schemas']['RowReport'];

const kinds: ImportKindInfo[] = [
  {
    kind: 'cities',
    description: 'Learning cities, with their names, place, figures and sources.',
    matching: 'By `slug`.',
    template: 'slug,name.en,name.th,country\nexample-town,Example Town,เมืองตัวอย่าง,TH\n',
    columns: [
      { name: 'id', type: 'integer', use: 'ignored', description: 'Read-only' },
      { name: 'slug', type: 'text', use: 'key', description: "The city's URL key" },
      { name: 'name.en', type: 'text', use: 'write', description: 'English name (required)' },
      { name: 'name.th', type: 'text', use: 'write', description: 'Thai name' },
      { name: 'country', type: 'text', use: 'write', description: 'ISO 3166-1 alpha-2 code (required)' },
      { name: 'population', type: 'integer', use: 'write', description: 'Population' },
    ],
  },
  {
    kind: 'memberships',
    description: 'Memberships of cities in networks.',
    matching: 'By network and city.',
    template: 'network,city.slug,role\nthailand-learning-cities,example-town,member\n',
    columns: [
      { name: 'network', type: 'text', use: 'key', description: "The network's slug" },
      { name: 'city.slug', type: 'text', use: 'key', description: "The member city's slug" },
      { name: 'role', type: 'text', use: 'write', description: 'member, secretariat or mentor' },
    ],
  },
  {
    kind: 'network-census',
    description: "A network's reported sizes by date.",
    matching: 'By network and `as_of`.',
    template: 'network,as_of,members\nunesco-gnlc,2025-12-04,\n',
    columns: [
      { name: 'network', type: 'text', use: 'key', description: "The network's slug" },
      { name: 'as_of', type: 'date', use: 'key', description: 'The date' },
      { name: 'members', type: 'integer', use: 'write', description: 'Member cities reported' },
    ],
  },
];

/** A row's `changes` (`{column: [old, new]}`), which the generated schema types as an empty object. */
const changes = (values: Record<string, [unknown, unknown]>) => values as unknown as RowReport['changes'];

function report(items: RowReport[], dryRun: boolean, importId: number | null = null): ImportReport {
  const summary = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const item of items) summary[item.action] += 1;
  return { kind: 'cities', dry_run: dryRun, sha256: 'c0ffee', rows: items.length, summary, items, import_id: importId };
}

const goodRows: RowReport[] = [
  {
    row: 2,
    key: 'phayao',
    action: 'update',
    changes: changes({ population: [null, 48000], 'name.th': ['พะเยา', 'เมืองพะเยา'] }),
    errors: [],
  },
  {
    row: 3,
    key: 'new-town',
    action: 'create',
    changes: changes({ 'name.en': [null, 'New Town'], country: [null, 'TH'] }),
    errors: [],
  },
  { row: 4, key: 'chiang-mai', action: 'unchanged', changes: changes({}), errors: [] },
];

const badRows: RowReport[] = [
  goodRows[0] as RowReport,
  {
    row: 3,
    key: '',
    action: 'error',
    changes: changes({}),
    errors: [{ column: 'name.en', code: 'required', message: 'is required for a new city' }],
  },
  {
    row: 4,
    key: 'chiang-mai',
    action: 'error',
    changes: changes({}),
    errors: [{ column: 'country', code: 'invalid_value', message: '`XX` is not a country code' }],
  },
];

const CSV = 'slug,name.en,name.th,country,population\nphayao,Phayao,เมืองพะเยา,TH,48000\n';

/** A file as a browser gives it (Node's File: jsdom's cannot be sent as a request body). */
function aFile(text: string, name = 'cities.csv', type = 'text/csv'): File {
  return new NodeFile([text], name, { type }) as unknown as File;
}

const importRequests = (requests: Request[]) => requests.filter((r) => r.method === 'POST' && r.url.includes('/api/v1/imports/'));

async function openPage(routes: Parameters<typeof fakeApi>[0], role: 'admin' | 'secretariat' = 'secretariat') {
  const requests = fakeApi({ ...signedInAs(role), 'GET /api/v1/imports': { body: { items: kinds } }, ...routes });
  await renderAt(<AdminArea />, { path: '/admin/imports', route: '/admin/*' });
  await screen.findByRole('heading', { level: 1, name: 'Import from a file' });
  await screen.findByLabelText('What the file imports');
  return requests;
}

async function chooseFile(user: UserEvent, file: File) {
  await user.upload(await screen.findByLabelText('File (.csv or .xlsx)'), file);
}

describe('the import page', () => {
  it('previews a file: the summary, each update as old → new, the values of a create', async () => {
    const user = userEvent.setup();
    const requests = await openPage({ 'POST /api/v1/imports/cities': { body: report(goodRows, true) } });

    // A secretariat account has a tab for the page; the kind shows what it does and its template.
    const tabs = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(tabs).getByRole('link', { name: 'Import' })).toHaveAttribute('href', '/admin/imports');
    expect(screen.getByLabelText('What the file imports')).toHaveValue('cities');
    expect(screen.getByText('Learning cities, with their names, place, figures and sources.')).toBeInTheDocument();
    expect(screen.getByText(/A row without a slug matches the public city/)).toBeInTheDocument();
    const template = screen.getByRole('link', { name: 'Download the template' });
    expect(template).toHaveAttribute('download', 'cities-template.csv');
    expect(decodeURIComponent(template.getAttribute('href') ?? '')).toContain('slug,name.en,name.th,country\n');
    expect(screen.queryByLabelText('Network (optional)')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();

    await chooseFile(user, aFile(CSV));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const summary = await screen.findByRole('list', { name: 'Rows by action (show only those rows)' });
    expect(within(summary).getByRole('button', { name: 'All rows 3' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(summary).getByRole('button', { name: 'Creates 1' })).toBeInTheDocument();
    expect(within(summary).getByRole('button', { name: 'Updates 1' })).toBeInTheDocument();
    expect(within(summary).getByRole('button', { name: 'Unchanged 1' })).toBeInTheDocument();
    expect(within(summary).getByRole('button', { name: 'Errors 0' })).toBeInTheDocument();
    expect(screen.getByText('What the import would do. Nothing has been written yet.')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'The rows of the file' });
    const update = within(table).getByRole('row', { name: /phayao/ });
    expect(update).toHaveTextContent('2');
    expect(update).toHaveTextContent('Update');
    // In the order of the kind's columns, not the API's (by name).
    expect(within(update).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'name.th: พะเยา → เมืองพะเยา',
      'population: (empty) → 48000',
    ]);
    const create = within(table).getByRole('row', { name: /new-town/ });
    expect(create).toHaveTextContent('Create');
    expect(within(create).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['name.en: New Town', 'country: TH']);
    expect(within(table).getByRole('row', { name: /chiang-mai/ })).toHaveTextContent('No change');

    const apply = screen.getByRole('button', { name: 'Apply' });
    expect(apply).toBeEnabled();
    expect(apply).toHaveAccessibleDescription('Applying writes 2 records, in one go.');

    // Only the rows of one action.
    await user.click(within(summary).getByRole('button', { name: 'Updates 1' }));
    const updates = screen.getByRole('table', { name: 'The rows of the file: Updates' });
    expect(within(updates).getAllByRole('row')).toHaveLength(2);

    // The dry run sent the file itself, as UTF-8 CSV.
    const [sent] = importRequests(requests);
    expect(queryOf(sent).get('dry_run')).toBe('true');
    expect(queryOf(sent).has('network')).toBe(false);
    expect(sent?.headers.get('Content-Type')).toBe('text/csv');
    expect(sent?.headers.get('Authorization')).toBe('Bearer test-access');
    expect(await sent?.text()).toBe(CSV);
  }, UI_TEST_TIMEOUT);

  it('shows the errors of a refused file row by row, and Apply stays disabled', async () => {
    const user = userEvent.setup();
    await openPage({
      'POST /api/v1/imports/cities': {
        status: 422,
        body: {
          type: 'urn:learning-city:problem:import_refused',
          title: 'Import refused',
          status: 422,
          code: 'import_refused',
          detail: '2 of 3 rows are refused; nothing was written',
          report: report(badRows, true),
        },
      },
    });
    await chooseFile(user, aFile(CSV));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '2 of 3 rows have errors, and a file with any error is not imported. Correct those rows in the file and preview it again.',
    );
    expect(screen.getByRole('button', { name: 'Errors 2' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'The rows of the file' });
    const missing = within(table).getByRole('row', { name: /\(none\)/ });
    expect(missing).toHaveTextContent('3');
    expect(missing).toHaveTextContent('Error');
    expect(missing).toHaveTextContent('name.en — is required for a new city');
    expect(within(table).getByRole('row', { name: /chiang-mai/ })).toHaveTextContent('country — `XX` is not a country code');

    const apply = screen.getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    expect(apply).toHaveAccessibleDescription('Correct the rows with errors and preview again.');
  }, UI_TEST_TIMEOUT);

  it('applies the previewed file without dry_run and shows what was done, with a link to the audit log', async () => {
    const user = userEvent.setup();
    const requests = await openPage(
      {
        'POST /api/v1/imports/cities': (request) =>
          queryOf(request).get('dry_run') === 'true' ? { body: report(goodRows, true) } : { body: report(goodRows, false, 42) },
      },
      'admin',
    );
    await chooseFile(user, aFile(CSV));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await user.click(await screen.findByRole('button', { name: 'Apply' }));

    const message = await screen.findByText('The file was imported: 1 created, 1 updated, 1 unchanged.');
    const done = message.closest<HTMLElement>('[role="status"]');
    if (!done) throw new Error('the result is not announced');
    expect(done).toHaveTextContent('Import number 42 in the audit log.');
    expect(within(done).getByRole('link', { name: 'See the imports in the audit log' })).toHaveAttribute(
      'href',
      '/admin/audit?entity=import&entity_id=cities',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Imported' })).toHaveFocus();
    expect(screen.getByRole('table', { name: 'The rows imported' })).toHaveTextContent('name.th: พะเยา → เมืองพะเยา');
    // The preview is used up: nothing is left to apply twice.
    expect(screen.queryByRole('button', { name: 'Apply' })).not.toBeInTheDocument();

    const [preview, applied] = importRequests(requests);
    expect(queryOf(preview).get('dry_run')).toBe('true');
    expect(queryOf(applied).has('dry_run')).toBe(false);
    expect(applied?.headers.get('Content-Type')).toBe('text/csv');
    expect(await applied?.text()).toBe(CSV);
  }, UI_TEST_TIMEOUT);

  it('disables Apply when the file or the kind changed after the preview, and when there is nothing to change', async () => {
    const user = userEvent.setup();
    const unchanged = report([{ row: 2, key: 'phayao', action: 'unchanged', changes: changes({}), errors: [] }], true);
    let answer = report(goodRows, true);
    await openPage({ 'POST /api/v1/imports/cities': () => ({ body: answer }), 'GET /api/v1/networks': { body: { items: [], total: 0 } } });
    await chooseFile(user, aFile(CSV));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const apply = await screen.findByRole('button', { name: 'Apply' });
    expect(apply).toBeEnabled();

    await chooseFile(user, aFile(CSV, 'other.csv'));
    expect(apply).toBeDisabled();
    expect(apply).toHaveAccessibleDescription('The file or the choices changed after the preview: preview again before applying.');

    answer = unchanged;
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Unchanged 1' })).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Apply' })).toHaveAccessibleDescription('Nothing to change: every row matches the records already.');

    answer = report(goodRows, true);
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled());
    await user.selectOptions(screen.getByLabelText('What the file imports'), 'memberships');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  }, UI_TEST_TIMEOUT);

  it('shows the columns a bad_columns problem names', async () => {
    const user = userEvent.setup();
    await openPage({
      'POST /api/v1/imports/cities': {
        status: 422,
        body: {
          type: 'urn:learning-city:problem:bad_columns',
          title: 'Unprocessable input',
          status: 422,
          code: 'bad_columns',
          detail: 'column 3 (`foo`): is not a column of cities imports; country: is a required column',
          errors: [
            { field: 'column 3 (`foo`)', message: 'is not a column of cities imports' },
            { field: 'country', message: 'is a required column' },
          ],
        },
      },
    });
    await chooseFile(user, aFile('slug,name.en,foo\nx,X,1\n'));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("The file's columns do not fit this kind of import.");
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'column 3 (`foo`): is not a column of cities imports',
      'country: is a required column',
    ]);
    expect(screen.queryByRole('heading', { name: 'Preview' })).not.toBeInTheDocument();
  }, UI_TEST_TIMEOUT);

  it('shows a bad_encoding problem with what to choose', async () => {
    const user = userEvent.setup();
    await openPage({
      'POST /api/v1/imports/cities': {
        status: 400,
        body: {
          type: 'urn:learning-city:problem:bad_encoding',
          title: 'Bad Request',
          status: 400,
          code: 'bad_encoding',
          detail: 'the file is not valid UTF-8 (at byte 31)',
        },
      },
    });
    await chooseFile(user, aFile(CSV));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("The file's characters cannot be read.");
    expect(alert).toHaveTextContent('the file is not valid UTF-8 (at byte 31)');
    expect(alert).toHaveTextContent('choose “Thai Excel CSV (windows-874)” and preview again');
  }, UI_TEST_TIMEOUT);

  it('sends a Thai Excel CSV with the windows-874 charset, a workbook as xlsx, and the network chosen for the file', async () => {
    const user = userEvent.setup();
    const requests = await openPage({
      'POST /api/v1/imports/cities': { body: report(goodRows, true) },
      'POST /api/v1/imports/memberships': { body: { ...report([], true), kind: 'memberships' } },
      'GET /api/v1/networks': {
        body: {
          items: [{ slug: 'thailand-learning-cities', name: { en: 'Thailand Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้' } }],
          total: 1,
        },
      },
    });
    await chooseFile(user, aFile(CSV));
    await user.click(screen.getByRole('radio', { name: 'Thai Excel CSV (windows-874)' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('button', { name: 'Apply' });
    expect(importRequests(requests).at(-1)?.headers.get('Content-Type')).toBe('text/csv; charset=windows-874');

    // A workbook: no encoding to choose, sent as xlsx; memberships of the network chosen.
    await user.selectOptions(screen.getByLabelText('What the file imports'), 'memberships');
    const network = await screen.findByLabelText('Network (optional)');
    await waitFor(() => expect(within(network).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(network, 'thailand-learning-cities');
    await chooseFile(user, aFile('PK\u0003\u0004', 'members.xlsx', XLSX));
    expect(screen.queryByRole('radio', { name: 'Thai Excel CSV (windows-874)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(importRequests(requests)).toHaveLength(2));
    const sent = importRequests(requests).at(-1);
    expect(new URL(sent?.url ?? '').pathname).toBe('/api/v1/imports/memberships');
    expect(sent?.headers.get('Content-Type')).toBe(XLSX);
    expect(queryOf(sent).get('network')).toBe('thailand-learning-cities');
    expect(queryOf(sent).get('dry_run')).toBe('true');
  }, UI_TEST_TIMEOUT);
});
