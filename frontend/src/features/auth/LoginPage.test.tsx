import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { fakeApi, renderAt } from '@/test/render';
import LoginPage from './LoginPage';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function app() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="*" element={<Where />} />
    </Routes>
  );
}

const tokens = { access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 900 };

async function signIn(path: string, role: string) {
  const requests = fakeApi({
    'POST /api/v1/auth/login': { body: tokens },
    'GET /api/v1/me': { body: { id: 3, email: 'e@example.org', display_name: 'E', role, city: null } },
  });
  await renderAt(app(), { path });
  await userEvent.type(screen.getByLabelText('Email'), ' e@example.org ');
  await userEvent.type(screen.getByLabelText('Password'), 'a long passphrase');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return requests;
}

describe('LoginPage', () => {
  it('signs in and opens the work of the role', async () => {
    const requests = await signIn('/login', 'evaluator');
    expect((await screen.findByTestId('where')).textContent).toBe('/evaluate');
    const login = requests.find((r) => new URL(r.url).pathname === '/api/v1/auth/login');
    expect(await login?.json()).toEqual({ email: 'e@example.org', password: 'a long passphrase' });
    expect(JSON.parse(localStorage.getItem('lc.session') ?? '{}').refresh_token).toBe('r');
  });

  it('goes back to the page that asked for the sign-in, but never off the site', async () => {
    await signIn('/login?next=%2Fmanage%2Fawards%3Fstatus%3Ddraft', 'secretariat');
    expect((await screen.findByTestId('where')).textContent).toBe('/manage/awards?status=draft');
  });

  it('ignores a next address on another site', async () => {
    await signIn('/login?next=%2F%2Fevil.example%2F', 'city_editor');
    expect((await screen.findByTestId('where')).textContent).toBe('/my-city');
  });

  it('explains wrong credentials and stays signed out', async () => {
    fakeApi({
      'POST /api/v1/auth/login': {
        status: 401,
        body: { type: 'urn:learning-city:problem:invalid_credentials', title: 'Invalid credentials', status: 401, detail: 'email or password is wrong', code: 'invalid_credentials' },
      },
    });
    await renderAt(app(), { path: '/login' });
    await userEvent.type(screen.getByLabelText('Email'), 'e@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password!');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is wrong.');
    expect(localStorage.getItem('lc.session')).toBeNull();
  });
});
