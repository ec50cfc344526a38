/** Test support for the administration's component tests: a signed-in session, the current URL. */
import { useLocation } from 'react-router';
import type { components } from '@/api/schema';

type Me = components['schemas']['Me'];

/**
 * Stores a session as a sign-in would, and returns the `GET /api/v1/me` answer to add to
 * `fakeApi` so that the app knows who is signed in.
 */
export function signedInAs(role: Me['role'], extra: Partial<Me> = {}) {
  localStorage.setItem(
    'lc.session',
    JSON.stringify({ access_token: 'test-access', refresh_token: 'test-refresh', expires_at: Date.now() + 3_600_000 }),
  );
  const me: Me = { id: 1, email: `${role}@example.org`, display_name: `Test ${role}`, role, city: null, ...extra };
  return { 'GET /api/v1/me': { body: me } };
}

/** Shows the router's current path and query, for tests that check the URL keeps the view. */
export function CurrentUrl() {
  const location = useLocation();
  return <output data-testid="url">{location.pathname + location.search}</output>;
}

/** The query parameters of a recorded request. */
export function queryOf(request: Request | undefined): URLSearchParams {
  return new URL(request?.url ?? 'http://localhost/').searchParams;
}

export { typeInto, UI_TEST_TIMEOUT } from '@/components/forms/testing';
