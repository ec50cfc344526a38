import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import { signedInAs, typeInto, UI_TEST_TIMEOUT } from '@/features/admin/testing';
import { CityEditor } from './cities/CityEditor';
import { CityCreatePage } from './cities/CityCreatePage';
import { NetworkEditPage } from './networks/NetworkEditPage';
import { MembershipEditPage } from './memberships/MembershipEditPage';
import { provenanceCreateBody, provenancePatch, provenanceValues, sourceRows, sourcesSummary } from './provenanceForm';

const uil = {
  url: 'https://www.uil.unesco.org/en/learning-cities',
  title: 'UNESCO Global Network of Learning Cities',
  publisher: 'UNESCO Institute for Lifelong Learning',
  accessed_on: '2026-01-15',
};
const plan = { title: 'Phayao learning city plan 2025', excerpt: 'Phayao declared itself a learning city.' };

const phayao = {
  id: 3,
  slug: 'phayao',
  name: { en: 'Phayao', th: 'พะเยา' },
  country: 'TH',
  province: 'TH-56',
  lat: 19.17,
  lon: 99.9,
  population: 21000,
  website: 'https://phayao.example.org',
  memberships: [],
  sources: [] as object[],
  verified: true,
  unverified_reason: null as string | null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const reference = {
  'GET /api/v1/countries': { body: { items: [{ code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean'] }], next_cursor: null, total: 1 } },
  'GET /api/v1/provinces': { body: { items: [], next_cursor: null, total: 0 } },
};

/** Opens the city editor on `city` as the secretariat; answers every PATCH with the city as sent back. */
async function editCity(city: typeof phayao, patch: { status?: number; body: unknown } = { body: city }) {
  const requests = fakeApi({
    ...signedInAs('secretariat'),
    ...reference,
    'GET /api/v1/cities/phayao': { body: city, headers: { ETag: '"7"' } },
    'PATCH /api/v1/cities/phayao': { ...patch, headers: { ETag: '"8"' } },
  });
  await renderAt(<CityEditor slug="phayao" />);
  await screen.findByLabelText('Population');
  return { user: userEvent.setup(), requests };
}

async function patchBody(requests: Request[]) {
  const patch = requests.find((r) => r.method === 'PATCH');
  expect(patch).toBeDefined();
  return patch?.json();
}

const source = (n: number) => screen.getByRole('group', { name: `Source ${n}` });

describe('the sources editor in the city editor', () => {
  it('adds a source and sends the new list', async () => {
    const { user, requests } = await editCity(phayao);
    expect(screen.getByText('No source is recorded yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    const url = within(source(1)).getByLabelText('Web address');
    expect(url).toHaveFocus();
    await typeInto(user, url, ` ${uil.url} `);
    await typeInto(user, within(source(1)).getByLabelText('Title'), uil.title);
    await typeInto(user, within(source(1)).getByLabelText('Publisher'), uil.publisher);
    await user.type(within(source(1)).getByLabelText('Read on'), uil.accessed_on);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ sources: [uil] });
  }, UI_TEST_TIMEOUT);

  it('removes every source and sends an empty list', async () => {
    const { user, requests } = await editCity({ ...phayao, sources: [uil, plan] });
    expect(within(source(1)).getByLabelText('Web address')).toHaveValue(uil.url);
    expect(within(source(2)).getByLabelText('Excerpt')).toHaveValue(plan.excerpt);
    await user.click(screen.getByRole('button', { name: 'Remove source 2' }));
    await user.click(screen.getByRole('button', { name: 'Remove source 1' }));
    expect(screen.getByRole('button', { name: 'Add a source' })).toHaveFocus();
    expect(screen.queryByRole('group', { name: 'Source 1' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ sources: [] });
  }, UI_TEST_TIMEOUT);

  it('removes one source and keeps the others in order', async () => {
    const { user, requests } = await editCity({ ...phayao, sources: [uil, plan] });
    await user.click(screen.getByRole('button', { name: 'Remove source 1' }));
    expect(within(source(1)).getByLabelText('Title')).toHaveValue(plan.title);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ sources: [plan] });
  }, UI_TEST_TIMEOUT);

  it("shows an error on sources[0].url beside that source's web address", async () => {
    const { user } = await editCity(
      { ...phayao, sources: [plan] },
      {
        status: 422,
        body: {
          code: 'validation_failed',
          title: 'Validation failed',
          status: 422,
          detail: '1 field is invalid',
          errors: [{ field: 'sources[0].url', message: 'must be an http:// or https:// URL' }],
        },
      },
    );
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    await typeInto(user, within(source(2)).getByLabelText('Title'), 'Another document');
    await typeInto(user, within(source(1)).getByLabelText('Web address'), 'ftp://files.example.org/plan.pdf');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const url = within(source(1)).getByLabelText('Web address');
    await screen.findByText('must be an http:// or https:// URL');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/must be an http:\/\/ or https:\/\/ URL/);
    expect(within(source(1)).getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(within(source(2)).getByLabelText('Web address')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Website')).not.toHaveAttribute('aria-invalid');
    expect(url).toHaveValue('ftp://files.example.org/plan.pdf');
  }, UI_TEST_TIMEOUT);

  it('marks the record as not verified with the reason', async () => {
    const { user, requests } = await editCity(phayao);
    expect(screen.queryByLabelText('Why it is not verified')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Not verified' }));
    const reason = screen.getByLabelText('Why it is not verified');
    expect(reason).toBeRequired();
    await typeInto(user, reason, 'The population figure is an estimate. ');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ unverified_reason: 'The population figure is an estimate.' });
  }, UI_TEST_TIMEOUT);

  it('clears the mark with null', async () => {
    const { user, requests } = await editCity({ ...phayao, verified: false, unverified_reason: 'Reconstructed text' });
    const box = screen.getByRole('checkbox', { name: 'Not verified' });
    expect(box).toBeChecked();
    expect(screen.getByLabelText('Why it is not verified')).toHaveValue('Reconstructed text');
    await user.click(box);
    expect(screen.queryByLabelText('Why it is not verified')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ unverified_reason: null });
  }, UI_TEST_TIMEOUT);

  it('changes only the reason of a record already marked', async () => {
    const { user, requests } = await editCity({ ...phayao, verified: false, unverified_reason: 'Reconstructed' });
    await typeInto(user, screen.getByLabelText('Why it is not verified'), ' from a 2019 report');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ unverified_reason: 'Reconstructed from a 2019 report' });
  }, UI_TEST_TIMEOUT);

  it('sends neither field when they did not change', async () => {
    const marked = { ...phayao, sources: [uil], verified: false, unverified_reason: 'Estimate' };
    const { user, requests } = await editCity(marked);
    const save = screen.getByRole('button', { name: 'Save changes' });

    // Adding a row and removing it again, or ticking and unticking, leaves the form unchanged.
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    expect(save).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Remove source 2' }));
    await typeInto(user, within(source(1)).getByLabelText('Title'), '!');
    await user.clear(within(source(1)).getByLabelText('Title'));
    await typeInto(user, within(source(1)).getByLabelText('Title'), uil.title);
    expect(save).toBeDisabled();

    const population = screen.getByLabelText('Population');
    await user.clear(population);
    await typeInto(user, population, '22000');
    await user.click(save);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ population: 22000 });
  }, UI_TEST_TIMEOUT);

  it('shows the labels in Thai', async () => {
    fakeApi({
      ...signedInAs('secretariat'),
      ...reference,
      'GET /api/v1/cities/phayao': { body: { ...phayao, sources: [uil] }, headers: { ETag: '"7"' } },
    });
    await renderAt(<CityEditor slug="phayao" />, { language: 'th' });
    const row = await screen.findByRole('group', { name: 'แหล่งที่มา 1' });
    expect(within(row).getByLabelText('ที่อยู่เว็บ')).toHaveValue(uil.url);
    expect(screen.getByRole('button', { name: 'เพิ่มแหล่งที่มา' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'ยังไม่ได้ตรวจสอบ' })).not.toBeChecked();
  }, UI_TEST_TIMEOUT);
});

describe('the sources editor in the create forms', () => {
  it('sends the sources and the reason with a new city', async () => {
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...reference,
      'POST /api/v1/cities': { status: 422, body: { code: 'validation_failed', title: 'Invalid', status: 422, detail: '', errors: [] } },
    });
    await renderAt(<CityCreatePage />);
    const user = userEvent.setup();
    await typeInto(user, await screen.findByLabelText('Name in English'), 'Nan');
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    await typeInto(user, within(source(1)).getByLabelText('Title'), plan.title);
    await typeInto(user, within(source(1)).getByLabelText('Excerpt'), plan.excerpt);
    await user.click(screen.getByRole('checkbox', { name: 'Not verified' }));
    await typeInto(user, screen.getByLabelText('Why it is not verified'), 'Awaiting the city office');
    await user.click(screen.getByRole('button', { name: 'Create the city' }));

    await screen.findByRole('alert');
    const post = requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      name: { en: 'Nan' },
      country: 'TH',
      sources: [plan],
      unverified_reason: 'Awaiting the city office',
    });
  }, UI_TEST_TIMEOUT);
});

describe('the sources editor in the network and membership editors', () => {
  const gnlc = {
    id: 1,
    slug: 'gnlc',
    name: { en: 'Global Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้โลก' },
    scope: 'global',
    status: 'active',
    member_count: 4,
    sources: [uil],
    verified: true,
    unverified_reason: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };

  it('replaces the sources of a network', async () => {
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...reference,
      'GET /api/v1/networks/gnlc': { body: gnlc, headers: { ETag: '"2"' } },
      'PATCH /api/v1/networks/gnlc': { body: gnlc, headers: { ETag: '"3"' } },
    });
    await renderAt(<NetworkEditPage />, { path: '/admin/networks/gnlc', route: '/admin/networks/:slug' });
    const user = userEvent.setup();
    const title = await within(await screen.findByRole('group', { name: 'Source 1' })).findByLabelText('Title');
    await user.clear(title);
    await typeInto(user, title, 'Learning cities');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ sources: [{ ...uil, title: 'Learning cities' }] });
  }, UI_TEST_TIMEOUT);

  it('marks a membership as not verified', async () => {
    const membership = {
      id: 5,
      city: 'phayao',
      network: 'gnlc',
      role: 'member',
      status: 'active',
      joined_year: 2019,
      sources: [],
      verified: true,
      unverified_reason: null,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/memberships/5': { body: membership, headers: { ETag: '"4"' } },
      'PATCH /api/v1/memberships/5': { body: membership, headers: { ETag: '"5"' } },
    });
    await renderAt(<MembershipEditPage />, { path: '/admin/memberships/5', route: '/admin/memberships/:id' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Not verified' }));
    await typeInto(user, screen.getByLabelText('Why it is not verified'), 'Only a news report');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await patchBody(requests)).toEqual({ unverified_reason: 'Only a news report' });
  }, UI_TEST_TIMEOUT);
});

describe('the provenance form values', () => {
  it('reads a record and gives back the same list', () => {
    const values = provenanceValues({ sources: [uil, plan], verified: true, unverified_reason: null });
    expect(values.unverified).toBe(false);
    expect(sourceRows(values.sources).map((row) => row.title)).toEqual([uil.title, plan.title]);
    expect(provenancePatch({ sources: values.sources })).toEqual({ sources: [uil, plan] });
    expect(sourcesSummary(values.sources)).toBe(`${uil.url}; ${plan.title}`);
  });

  it('reads a record without provenance fields as verified with no sources', () => {
    const values = provenanceValues({});
    expect(values).toEqual({ sources: '[]', unverified: false, unverified_reason: '' });
    expect(provenanceCreateBody(values)).toEqual({});
    expect(provenancePatch({})).toEqual({});
  });

  it('sends an empty reason for the API to refuse rather than clearing the mark', () => {
    expect(provenancePatch({ unverified: true })).toEqual({ unverified_reason: '' });
    expect(provenancePatch({ unverified_reason: '  ' })).toEqual({ unverified_reason: '' });
    expect(provenancePatch({ unverified: false, unverified_reason: '' })).toEqual({ unverified_reason: null });
  });
});
