import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from '@/test/render';
import AdminArea from '@/features/admin/AdminArea';
import { CurrentUrl, queryOf, signedInAs, UI_TEST_TIMEOUT } from '@/features/admin/testing';

const editor = {
  id: 5,
  email: 'editor@example.org',
  display_name: 'Phayao editor',
  role: 'city_editor',
  city: 'phayao',
  active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('the accounts list', () => {
  it('keeps the role filter in the URL and asks the API for that role', async () => {
    const user = userEvent.setup();
    const requests = fakeApi({
      ...signedInAs('admin'),
      'GET /api/v1/users': (request) => {
        const role = new URL(request.url).searchParams.get('role');
        const items = role === 'city_editor' ? [editor] : [];
        return { body: { items, next_cursor: null, total: items.length } };
      },
    });
    await renderAt(
      <>
        <AdminArea />
        <CurrentUrl />
      </>,
      { path: '/admin/users?role=evaluator', route: '/admin/*' },
    );
    const role = await screen.findByLabelText('Role');
    expect(role).toHaveValue('evaluator');
    expect(await screen.findByText('No account matches.')).toBeInTheDocument();
    expect(queryOf(requests.find((r) => r.url.includes('/users'))).get('role')).toBe('evaluator');

    await user.selectOptions(role, 'city_editor');
    expect(screen.getByTestId('url')).toHaveTextContent('/admin/users?role=city_editor');
    expect(await screen.findByRole('link', { name: 'Phayao editor' })).toHaveAttribute('href', '/admin/users/5');
    const last = requests.filter((r) => r.url.includes('/users')).at(-1);
    expect(queryOf(last).get('role')).toBe('city_editor');

    await user.selectOptions(screen.getByLabelText('State'), 'false');
    expect(screen.getByTestId('url')).toHaveTextContent('/admin/users?role=city_editor&active=false');
    await waitFor(() => expect(queryOf(requests.filter((r) => r.url.includes('/users')).at(-1)).get('active')).toBe('false'));
  }, UI_TEST_TIMEOUT);

  it("shows the API's refusal to a secretariat account, which has no accounts tab", async () => {
    fakeApi({
      ...signedInAs('secretariat'),
      'GET /api/v1/users': { status: 403, body: { code: 'forbidden', title: 'Forbidden', status: 403, detail: 'admin only' } },
    });
    await renderAt(<AdminArea />, { path: '/admin/users', route: '/admin/*' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account may not do this.');
    expect(screen.getByRole('alert')).toHaveTextContent('admin only');
    const tabs = screen.getByRole('navigation', { name: 'Administration' });
    await waitFor(() => expect(tabs).toHaveTextContent('API keys'));
    expect(tabs).not.toHaveTextContent('Accounts');
    expect(tabs).not.toHaveTextContent('Audit log');
  }, UI_TEST_TIMEOUT);
});
