import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import AdminArea from '@/features/admin/AdminArea';
import { signedInAs, typeInto, UI_TEST_TIMEOUT } from '@/features/admin/testing';

const SECRET = 'lck_0a1b2c3d4e_s3cr3tS3cr3tS3cr3t';
const info = {
  id: 4,
  name: 'Provincial portal',
  owner: 'Example Province',
  prefix: '0a1b2c3d4e',
  scopes: ['read'],
  created_at: '2026-02-01T00:00:00Z',
  created_by: 1,
  rate_limit_per_minute: 1200,
};

describe('API keys', () => {
  it('shows a new key once, with a copy button and a warning, and never again', async () => {
    const user = userEvent.setup();
    let issued = false;
    const requests = fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/api-keys': () => ({ body: { items: issued ? [info] : [], next_cursor: null, total: issued ? 1 : 0 } }),
      'POST /api/v1/api-keys': () => {
        issued = true;
        return { status: 201, body: { key: SECRET, api_key: info } };
      },
    });
    await renderAt(<AdminArea />, { path: '/admin/api-keys', route: '/admin/*' });
    await typeInto(user, await screen.findByLabelText('Name'), 'Provincial portal');
    await typeInto(user, screen.getByLabelText('Holder'), 'Example Province');
    await typeInto(user, screen.getByLabelText('Requests per minute'), '1200');
    await user.click(screen.getByRole('button', { name: 'Issue the key' }));

    const key = await screen.findByLabelText('API key');
    expect(key).toHaveValue(SECRET);
    expect(screen.getByRole('alert')).toHaveTextContent('It is shown only this once');
    expect(screen.getByRole('button', { name: 'Copy the key' })).toBeInTheDocument();
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      name: 'Provincial portal',
      owner: 'Example Province',
      rate_limit_per_minute: 1200,
      expires_at: null,
      scopes: ['read'],
    });
    expect(await screen.findByText('lck_0a1b2c3d4e_…')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have stored the key' }));
    await screen.findByRole('button', { name: 'Issue the key' });
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain('s3cr3t');
  }, UI_TEST_TIMEOUT);

  it('revokes a key only after the confirm step', async () => {
    const user = userEvent.setup();
    let revoked = false;
    fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/api-keys': () => ({
        body: { items: revoked ? [] : [info], next_cursor: null, total: revoked ? 0 : 1 },
      }),
      'DELETE /api/v1/api-keys/4': () => {
        revoked = true;
        return { status: 204, body: null };
      },
    });
    await renderAt(<AdminArea />, { path: '/admin/api-keys', route: '/admin/*' });
    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    expect(revoked).toBe(false);
    expect(screen.getByText('Revoke the key “Provincial portal” of Example Province? It stops working at once.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, revoke it' }));
    expect(await screen.findByText('The key “Provincial portal” was revoked.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('No keys.')).toBeInTheDocument());
    expect(revoked).toBe(true);
    expect(screen.queryByRole('link', { name: /Usage/ })).not.toBeInTheDocument();
  }, UI_TEST_TIMEOUT);
});
