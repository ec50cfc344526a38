import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeTokens } from '@/auth/session';
import { typeInto, UI_TEST_TIMEOUT } from '@/components/forms/testing';
import { page, problem } from '@/test/manageData';
import { fakeApi, renderAt } from '@/test/render';
import { provenance } from '@/test/provenance';
import { pmuA, unescoBangkok } from '../fixtures';
import type { Organisation } from '../model';
import OrganisationsAdminArea from './OrganisationsAdminArea';

const slow = { timeout: 5000 };
const countries = { 'GET /api/v1/countries': page([{ code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean'] }]) };

/** Signs in as the secretariat, and answers `GET /me` as the service would for the account. */
function signedInAs(role: 'secretariat' | 'admin') {
  storeTokens({ access_token: 'access', refresh_token: 'refresh', expires_in: 3600 });
  return { 'GET /api/v1/me': { body: { id: 1, email: `${role}@example.org`, display_name: `Test ${role}`, role, city: null } } };
}

function admin(path: string) {
  return renderAt(<OrganisationsAdminArea />, { path, route: '/admin/organisations/*' });
}

/** PMU-A with one more role, as the service answers the role's creation. */
const withFunder: Organisation = {
  ...pmuA,
  roles: [
    ...pmuA.roles,
    {
      id: 20,
      role: 'funder',
      of: { kind: 'event', slug: 'learning-city-week-2027', name: { en: 'Learning City Week 2027', th: null }, href: '/api/v1/events/learning-city-week-2027' },
      from_year: 2026,
      to_year: 2027,
      note: 'Grant',
      ...provenance({ sources: [{ url: 'https://example.org/grant', title: null, publisher: null, published_on: null, accessed_on: null, excerpt: null }] }),
    },
  ],
};

describe('the organisations administration', () => {
  it('lists the organisations with the search and kind filter in the query', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({ ...signedInAs('secretariat'), 'GET /api/v1/organisations': page([pmuA, unescoBangkok]) });
    await admin('/admin/organisations');
    const row = (await screen.findByRole('rowheader', { name: pmuA.name.en }, slow)).closest('tr');
    expect(row).toHaveTextContent('PMU-A');
    expect(screen.getByRole('link', { name: pmuA.name.en })).toHaveAttribute('href', '/admin/organisations/pmu-a');
    expect(screen.getByRole('link', { name: 'New organisation' })).toHaveAttribute('href', '/admin/organisations/new');
    await user.selectOptions(screen.getByLabelText('Kind'), 'university');
    await vi.waitFor(() => expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('kind')).toBe('university'));
    expect(screen.queryByRole('heading', { name: 'Archived organisations' })).not.toBeInTheDocument();
  }, UI_TEST_TIMEOUT);

  it('creates an organisation, then opens its editor', async () => {
    const user = userEvent.setup();
    const created: Organisation = { ...unescoBangkok, slug: 'phayao-college', name: { en: 'Phayao College', th: null }, kind: 'university', roles: [] };
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...countries,
      'POST /api/v1/organisations': { status: 201, body: created, headers: { ETag: '"1"' } },
      'GET /api/v1/organisations/phayao-college': { body: created, headers: { ETag: '"1"' } },
    });
    await admin('/admin/organisations/new');
    await typeInto(user, await screen.findByLabelText('Name in English', undefined, slow), 'Phayao College');
    await typeInto(user, screen.getByLabelText('Abbreviation in Thai'), 'วพ.');
    await user.selectOptions(screen.getByLabelText('Kind'), 'university');
    await user.click(screen.getByRole('button', { name: 'Create the organisation' }));

    expect(await screen.findByText('The organisation was created.', undefined, slow)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit organisation: Phayao College' })).toBeInTheDocument();
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      name: { en: 'Phayao College' },
      abbreviation: { th: 'วพ.' },
      kind: 'university',
    });
  }, UI_TEST_TIMEOUT);

  it('shows a 422 message at its input', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...signedInAs('secretariat'),
      ...countries,
      'GET /api/v1/organisations/pmu-a': { body: pmuA, headers: { ETag: '"4"' } },
      'PATCH /api/v1/organisations/pmu-a': problem(422, 'validation_failed', '1 field is invalid', [
        { field: 'website', message: 'must be an http(s) URL' },
      ]),
    });
    await admin('/admin/organisations/pmu-a');
    await typeInto(user, await screen.findByLabelText('Website', undefined, slow), 'ftp://pmua.or.th');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByLabelText('Website')).toHaveAccessibleDescription(/must be an http\(s\) URL/);
    await vi.waitFor(() => expect(screen.getByLabelText('Website')).toHaveAttribute('aria-invalid', 'true'));
  }, UI_TEST_TIMEOUT);

  it('saves with If-Match and applies the changes to the current version after a 412', async () => {
    const user = userEvent.setup();
    const theirs: Organisation = { ...pmuA, website: 'https://pmua.or.th' };
    let patches = 0;
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...countries,
      'GET /api/v1/organisations/pmu-a': () =>
        patches === 0 ? { body: pmuA, headers: { ETag: '"4"' } } : { body: theirs, headers: { ETag: '"5"' } },
      'PATCH /api/v1/organisations/pmu-a': () => {
        patches += 1;
        return patches === 1
          ? problem(412, 'precondition_failed', 'the organisation changed')
          : { body: { ...theirs, name: { ...pmuA.name, th: 'บพท. ใหม่' } }, headers: { ETag: '"6"' } };
      },
    });
    await admin('/admin/organisations/pmu-a');
    const thai = await screen.findByLabelText('Name in Thai', undefined, slow);
    await user.clear(thai);
    await typeInto(user, thai, 'บพท. ใหม่');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('table', { name: 'Also changed by someone else (kept when you apply your changes)' }, slow)).toHaveTextContent(
      'Website',
    );
    await user.click(screen.getByRole('button', { name: 'Apply my changes to the current version' }));
    expect(await screen.findByText('Your changes were applied to the current version and saved.', undefined, slow)).toBeInTheDocument();
    const sent = requests.filter((r) => r.method === 'PATCH');
    expect(sent.map((r) => r.headers.get('If-Match'))).toEqual(['"4"', '"5"']);
    expect(await sent[1]?.json()).toEqual({ name: { th: 'บพท. ใหม่' } });
  }, UI_TEST_TIMEOUT);

  it('adds a role with If-Match, then removes it with the ETag the addition answered', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...countries,
      'GET /api/v1/organisations/pmu-a': { body: pmuA, headers: { ETag: '"4"' } },
      'POST /api/v1/organisations/pmu-a/roles': { status: 201, body: withFunder, headers: { ETag: '"5"' } },
      'DELETE /api/v1/organisations/pmu-a/roles/20': { body: pmuA, headers: { ETag: '"6"' } },
    });
    await admin('/admin/organisations/pmu-a');
    const form = within(await screen.findByRole('form', { name: 'Add role' }, slow));
    await user.selectOptions(form.getByLabelText('Role'), 'funder');
    await user.selectOptions(form.getByLabelText('Held in a'), 'event');
    await typeInto(user, form.getByLabelText('Slug of the record'), 'learning-city-week-2027');
    await typeInto(user, form.getByLabelText('From year'), '2026');
    await typeInto(user, form.getByLabelText('To year'), '2027');
    await typeInto(user, form.getByLabelText('Note'), 'Grant');
    await user.click(form.getByRole('button', { name: 'Add a source' }));
    await typeInto(user, form.getByLabelText('Web address'), 'https://example.org/grant');
    await user.click(form.getByRole('button', { name: 'Add the role' }));

    const added = (await screen.findByRole('link', { name: 'Learning City Week 2027' }, slow)).closest('tr');
    expect(added).toHaveTextContent('Funder');
    expect(added).toHaveTextContent('2026–2027');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"4"');
    expect(await post?.json()).toEqual({
      role: 'funder',
      of: { kind: 'event', slug: 'learning-city-week-2027' },
      from_year: 2026,
      to_year: 2027,
      note: 'Grant',
      sources: [{ url: 'https://example.org/grant' }],
    });
    expect(requests.filter((r) => r.method === 'GET' && r.url.endsWith('/organisations/pmu-a'))).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Remove the role Funder in Learning City Week 2027' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await vi.waitFor(() => expect(screen.queryByRole('link', { name: 'Learning City Week 2027' })).not.toBeInTheDocument());
    expect(requests.find((r) => r.method === 'DELETE')?.headers.get('If-Match')).toBe('"5"');
  }, UI_TEST_TIMEOUT);

  it('shows a 409 when the organisation already holds the role', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...signedInAs('secretariat'),
      ...countries,
      'GET /api/v1/organisations/pmu-a': { body: pmuA, headers: { ETag: '"4"' } },
      'POST /api/v1/organisations/pmu-a/roles': problem(409, 'role_exists', 'PMU-A is already partner of this network'),
    });
    await admin('/admin/organisations/pmu-a');
    const form = within(await screen.findByRole('form', { name: 'Add role' }, slow));
    await typeInto(user, form.getByLabelText('Slug of the record'), 'thailand-learning-cities');
    await user.click(form.getByRole('button', { name: 'Add the role' }));
    expect(await form.findByText(/already partner of this network/, undefined, slow)).toBeInTheDocument();
  }, UI_TEST_TIMEOUT);
});
