import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { storeTokens } from '@/auth/session';
import { fakeApi, renderAt } from '@/test/render';
import { Layout } from './Layout';

function shell() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<p>page</p>} />
      </Route>
    </Routes>
  );
}

describe('Layout', () => {
  it('switches to Thai, remembers it and sets the page language', async () => {
    fakeApi({});
    await renderAt(shell());
    expect(screen.getByRole('link', { name: 'Cities' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Organisations' })).toHaveAttribute('href', '/organisations');
    expect(screen.getByRole('link', { name: 'Events' })).toHaveAttribute('href', '/events');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'th');
    expect(await screen.findByRole('link', { name: 'เมือง' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'องค์กร' })).toHaveAttribute('href', '/organisations');
    expect(screen.getByRole('link', { name: 'กิจกรรม' })).toHaveAttribute('href', '/events');
    expect(document.documentElement.lang).toBe('th');
    expect(localStorage.getItem('lc.language')).toBe('th');
  });

  it('shows the staff areas only to staff, and signs out', async () => {
    storeTokens({ access_token: 't', refresh_token: 'r', expires_in: 900 });
    const requests = fakeApi({
      'GET /api/v1/me': { body: { id: 2, email: 's@example.org', display_name: 'Somchai', role: 'secretariat', city: null } },
      'POST /api/v1/auth/logout': { status: 204, body: null },
    });
    await renderAt(shell());
    expect(await screen.findByRole('link', { name: 'Administration' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Award cycles' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'My assignments' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument());
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/auth/logout')).toBe(true);
    expect(localStorage.getItem('lc.session')).toBeNull();
  });

  it('shows no staff links to the public', async () => {
    fakeApi({});
    await renderAt(shell());
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });
});
