import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import { signedInAs, typeInto, UI_TEST_TIMEOUT } from '@/features/admin/testing';
import { CityEditor } from './CityEditor';

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
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const reference = {
  'GET /api/v1/countries': { body: { items: [{ code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean'] }], next_cursor: null, total: 1 } },
  'GET /api/v1/provinces': { body: { items: [], next_cursor: null, total: 0 } },
};

describe('the city editor', () => {
  it("lets a city editor change their city's profile but not its slug or country, sending only the changed field", async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('city_editor', { city: 'phayao' }),
      ...reference,
      'GET /api/v1/cities/phayao': { body: phayao, headers: { ETag: '"7"' } },
      'PATCH /api/v1/cities/phayao': { body: { ...phayao, population: 22000 }, headers: { ETag: '"8"' } },
    });
    await renderAt(<CityEditor slug="phayao" />);
    const population = await screen.findByLabelText('Population');
    expect(screen.getByLabelText('Slug (address)')).toBeDisabled();
    expect(screen.getByLabelText('Country')).toBeDisabled();
    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Only the secretariat can change this.');
    expect(screen.queryByRole('button', { name: 'Archive this city' })).not.toBeInTheDocument();

    await user.clear(population);
    await typeInto(user, population, '22000');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"7"');
    expect(patch?.headers.get('Content-Type')).toBe('application/merge-patch+json');
    expect(await patch?.json()).toEqual({ population: 22000 });
  }, UI_TEST_TIMEOUT);

  it('shows the API refusing a field the role may not change', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...signedInAs('secretariat'),
      ...reference,
      'GET /api/v1/cities/phayao': { body: phayao, headers: { ETag: '"7"' } },
      'PATCH /api/v1/cities/phayao': {
        status: 403,
        body: { code: 'forbidden_field', title: 'Forbidden', status: 403, detail: 'a city editor may not change: slug' },
      },
    });
    await renderAt(<CityEditor slug="phayao" />);
    const slug = await screen.findByLabelText('Slug (address)');
    expect(slug).toBeEnabled();
    await typeInto(user, slug, '-city');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a city editor may not change: slug');
    expect(screen.getByLabelText('Slug (address)')).toHaveValue('phayao-city');
  }, UI_TEST_TIMEOUT);

  it('archives only after the confirm step, with If-Match', async () => {
    const user = userEvent.setup();
    let archived = false;
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...reference,
      'GET /api/v1/cities/phayao': { body: phayao, headers: { ETag: '"7"' } },
      'DELETE /api/v1/cities/phayao': () => {
        archived = true;
        return { status: 204, body: null };
      },
    });
    await renderAt(<CityEditor slug="phayao" onArchived={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Archive this city' }));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    const confirm = screen.getByRole('button', { name: 'Yes, archive it' });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    await screen.findByRole('button', { name: 'Archive this city' });
    expect(archived).toBe(true);
    expect(requests.find((r) => r.method === 'DELETE')?.headers.get('If-Match')).toBe('"7"');
  }, UI_TEST_TIMEOUT);
});
