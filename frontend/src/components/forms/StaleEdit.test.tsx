import { useCallback } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answer, api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { provenance } from '@/test/provenance';
import { fakeApi, renderAt } from '@/test/render';
import { DataState } from '@/components/DataState';
import { typeInto, UI_TEST_TIMEOUT } from './testing';
import { TextField } from './Field';
import { StaleEditNotice, useSafeEdit } from './StaleEdit';

type Network = components['schemas']['Network'];
type Values = { 'name.en': string; website: string };

function network(version: Partial<Network>): Network {
  return {
    id: 1,
    slug: 'gnlc',
    name: { en: 'Global Network', th: null },
    scope: 'global',
    status: 'active',
    member_count: 3,
    website: 'https://old.example.org',
    reported: null,
    organisations: [],
    ...provenance(),
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...version,
  };
}

const labels: Record<keyof Values, string> = { 'name.en': 'English name', website: 'Website' };

/** A minimal editor built on the hook, as every real editor is. */
function Editor() {
  const load = useCallback(() => answer(api.GET('/api/v1/networks/{slug}', { params: { path: { slug: 'gnlc' } } })), []);
  const edit = useSafeEdit<Network, Values, components['schemas']['NetworkInput']>({
    queryKey: ['network', 'gnlc'],
    load,
    save: (patch, etag) =>
      answer(
        api.PATCH('/api/v1/networks/{slug}', {
          params: { path: { slug: 'gnlc' }, header: { 'If-Match': etag } },
          body: patch,
        }),
      ),
    toValues: (n) => ({ 'name.en': n.name.en, website: n.website ?? '' }),
    toPatch: (changes) => ({
      ...(changes['name.en'] !== undefined && { name: { en: changes['name.en'] } }),
      ...(changes.website !== undefined && { website: changes.website || null }),
    }),
  });
  return (
    <DataState query={edit.state}>
      {({ values }) => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void edit.save();
          }}
        >
          <StaleEditNotice edit={edit} label={(field) => labels[field]} />
          <TextField
            label="English name"
            name="name.en"
            problem={edit.problem}
            value={values['name.en']}
            onChange={(e) => edit.setValue('name.en', e.target.value)}
          />
          <TextField
            label="Website"
            name="website"
            problem={edit.problem}
            value={values.website}
            onChange={(e) => edit.setValue('website', e.target.value)}
          />
          <button type="submit">Save</button>
          <button
            type="button"
            onClick={() =>
              void edit.remove((etag) =>
                unwrap(api.DELETE('/api/v1/networks/{slug}', { params: { path: { slug: 'gnlc' }, header: { 'If-Match': etag } } })),
              )
            }
          >
            Archive
          </button>
        </form>
      )}
    </DataState>
  );
}

/** The server: version 1 first; after someone else's edit, version 2 (new name and website). */
function server(patch: (request: Request) => { status?: number; body: unknown; headers?: Record<string, string> }) {
  let reads = 0;
  return fakeApi({
    'GET /api/v1/networks/gnlc': () => {
      reads += 1;
      return reads === 1
        ? { body: network({}), headers: { ETag: '"v1"' } }
        : { body: network({ name: { en: 'UNESCO GNLC' }, website: 'https://theirs.example.org' }), headers: { ETag: '"v2"' } };
    },
    'PATCH /api/v1/networks/gnlc': patch,
    'DELETE /api/v1/networks/gnlc': (request) =>
      request.headers.get('If-Match') === '"v2"'
        ? { status: 204, body: null }
        : { status: 412, body: { code: 'precondition_failed', title: 'Precondition failed', status: 412, detail: 'stale' } },
  });
}

const stale = { status: 412, body: { code: 'precondition_failed', title: 'Precondition failed', status: 412, detail: 'changed meanwhile' } };

describe('stale edits', () => {
  it('explains a 412, shows the differing field and re-applies only the changed fields with the new ETag', async () => {
    const user = userEvent.setup();
    const requests = server((request) =>
      request.headers.get('If-Match') === '"v2"'
        ? { body: network({ name: { en: 'UNESCO GNLC' }, website: 'https://mine.example.org' }), headers: { ETag: '"v3"' } }
        : stale,
    );
    await renderAt(<Editor />);
    const website = await screen.findByLabelText('Website');
    await user.clear(website);
    await typeInto(user, website, 'https://mine.example.org');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('Someone else changed this record since you opened it');
    const differing = within(notice).getByRole('table', { name: /Fields you changed/ });
    const row = within(differing).getByRole('row', { name: /Website/ });
    expect(row).toHaveTextContent('https://theirs.example.org');
    expect(row).toHaveTextContent('https://mine.example.org');
    const theirs = within(notice).getByRole('table', { name: /Also changed by someone else/ });
    expect(within(theirs).getByRole('row', { name: /English name/ })).toHaveTextContent('UNESCO GNLC');
    expect(within(theirs).queryByRole('row', { name: /Website/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Website')).toHaveValue('https://mine.example.org');

    await user.click(within(notice).getByRole('button', { name: 'Apply my changes to the current version' }));
    await screen.findByText('Your changes were applied to the current version and saved.');
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[0]?.headers.get('If-Match')).toBe('"v1"');
    expect(patches[1]?.headers.get('If-Match')).toBe('"v2"');
    expect(await patches[1]?.json()).toEqual({ website: 'https://mine.example.org' });
    expect(screen.getByLabelText('English name')).toHaveValue('UNESCO GNLC');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  }, UI_TEST_TIMEOUT);

  it('discards the changes: loads the current version again and sends nothing', async () => {
    const user = userEvent.setup();
    const requests = server(() => stale);
    await renderAt(<Editor />);
    const website = await screen.findByLabelText('Website');
    await user.clear(website);
    await typeInto(user, website, 'https://mine.example.org');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const notice = await screen.findByRole('alert');
    await within(notice).findByRole('table', { name: /Fields you changed/ });

    await user.click(within(notice).getByRole('button', { name: 'Discard my changes and continue from the current version' }));
    await screen.findByText('Your changes were discarded. The form shows the current version.');
    expect(screen.getByLabelText('Website')).toHaveValue('https://theirs.example.org');
    expect(screen.getByLabelText('English name')).toHaveValue('UNESCO GNLC');
    expect(requests.filter((r) => r.method === 'GET')).toHaveLength(3);
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  }, UI_TEST_TIMEOUT);

  it('refuses a stale archive, shows what changed and archives the current version only when asked', async () => {
    const user = userEvent.setup();
    const requests = server(() => stale);
    await renderAt(<Editor />);
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    const notice = await screen.findByRole('alert');
    const changed = await within(notice).findByRole('table', { name: 'What changed since you opened the record' });
    expect(within(changed).getByRole('row', { name: /Website/ })).toHaveTextContent('https://theirs.example.org');
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);

    await user.click(within(notice).getByRole('button', { name: 'Go ahead with the current version' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    const deletes = requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.headers.get('If-Match'))).toEqual(['"v1"', '"v2"']);
  }, UI_TEST_TIMEOUT);

  it('keeps other problems, such as field errors, at the fields', async () => {
    const user = userEvent.setup();
    server(() => ({
      status: 422,
      body: {
        code: 'validation_failed',
        title: 'Validation failed',
        status: 422,
        detail: '1 field',
        errors: [{ field: 'website', message: 'must be an http(s) URL' }],
      },
    }));
    await renderAt(<Editor />);
    const website = await screen.findByLabelText('Website');
    await user.clear(website);
    await typeInto(user, website, 'ftp://x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByLabelText('Website')).toHaveAccessibleDescription('must be an http(s) URL');
    expect(screen.queryByText('Someone else changed this record since you opened it')).not.toBeInTheDocument();
  }, UI_TEST_TIMEOUT);
});
