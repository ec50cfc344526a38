import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import AdminArea from '@/features/admin/AdminArea';
import { signedInAs, typeInto, UI_TEST_TIMEOUT } from '@/features/admin/testing';

const reference = {
  'GET /api/v1/countries': {
    body: {
      items: [
        { code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean'] },
        { code: 'JP', name: { en: 'Japan', th: 'ญี่ปุ่น' }, groups: ['asean_plus_3'] },
      ],
      next_cursor: null,
      total: 2,
    },
  },
  'GET /api/v1/provinces': {
    body: {
      items: [
        {
          code: 'TH-55',
          dopa_code: '55',
          name: { en: 'Nan', th: 'น่าน' },
          region: { key: 'northern', name: { en: 'Northern', th: 'ภาคเหนือ' } },
          lat: 18.8,
          lon: 100.8,
        },
      ],
      next_cursor: null,
      total: 1,
    },
  },
};

const nan = {
  id: 9,
  slug: 'nan',
  name: { en: 'Nan', th: 'น่าน' },
  country: 'TH',
  province: 'TH-55',
  memberships: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

async function fillIn() {
  const user = userEvent.setup();
  await typeInto(user, await screen.findByLabelText('Name in English'), 'Nan');
  await typeInto(user, screen.getByLabelText('Name in Thai'), 'น่าน');
  await screen.findByRole('option', { name: 'Nan (TH-55)' });
  await user.selectOptions(screen.getByLabelText('Province'), 'TH-55');
  await typeInto(user, screen.getByLabelText('Latitude'), '18.78');
  await typeInto(user, screen.getByLabelText('Longitude'), '100.77');
  return user;
}

describe('creating a city', () => {
  it('shows the 422 field errors next to the inputs they name', async () => {
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      ...reference,
      'POST /api/v1/cities': {
        status: 422,
        body: {
          code: 'validation_failed',
          title: 'Validation failed',
          status: 422,
          detail: '2 fields are invalid',
          errors: [
            { field: 'lat', message: 'must be between -90 and 90' },
            { field: 'website', message: 'must be an http(s) URL' },
          ],
        },
      },
    });
    await renderAt(<AdminArea />, { path: '/admin/cities/new', route: '/admin/*' });
    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Create the city' }));

    expect(await screen.findByLabelText('Latitude')).toHaveAccessibleDescription(/must be between -90 and 90/);
    expect(screen.getByLabelText('Latitude')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Website')).toHaveAccessibleDescription(/must be an http\(s\) URL/);
    expect(screen.getByLabelText('Longitude')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Name in English')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention.');

    const post = requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      name: { en: 'Nan', th: 'น่าน' },
      country: 'TH',
      province: 'TH-55',
      lat: 18.78,
      lon: 100.77,
    });
  }, UI_TEST_TIMEOUT);

  it('goes to the new city, with a link to its public profile', async () => {
    fakeApi({
      ...signedInAs('admin'),
      ...reference,
      'POST /api/v1/cities': { status: 201, body: nan, headers: { ETag: '"1"' } },
      'GET /api/v1/cities/nan': { body: nan, headers: { ETag: '"1"' } },
    });
    await renderAt(<AdminArea />, { path: '/admin/cities/new', route: '/admin/*' });
    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Create the city' }));

    expect(await screen.findByText('The city was created.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit city: Nan' })).toBeInTheDocument();
    for (const link of screen.getAllByRole('link', { name: 'Public profile of Nan' })) {
      expect(link).toHaveAttribute('href', '/cities/nan');
    }
  }, UI_TEST_TIMEOUT);
});
