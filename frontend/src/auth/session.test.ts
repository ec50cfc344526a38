import { describe, expect, it, vi } from 'vitest';
import { clearSession, currentSession, needsRefresh, refreshSession, storeTokens } from './session';

function tokenAnswer(access: string, refresh: string, expiresIn = 900) {
  return new Response(JSON.stringify({ access_token: access, refresh_token: refresh, token_type: 'Bearer', expires_in: expiresIn }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('session', () => {
  it('stores tokens and knows when to refresh', () => {
    const session = storeTokens({ access_token: 'a1', refresh_token: 'r1', expires_in: 900 });
    expect(currentSession()).toEqual(session);
    expect(needsRefresh(session)).toBe(false);
    expect(needsRefresh(session, session.expires_at - 30_000)).toBe(true);
    clearSession();
    expect(currentSession()).toBeNull();
  });

  it('spends a refresh token once however many requests need it', async () => {
    const spent = storeTokens({ access_token: 'a1', refresh_token: 'r1', expires_in: 1 });
    const fetchMock = vi.fn(async () => tokenAnswer('a2', 'r2'));
    vi.stubGlobal('fetch', fetchMock);
    const [one, two, three] = await Promise.all([refreshSession(spent), refreshSession(spent), refreshSession(spent)]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(one?.access_token).toBe('a2');
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    expect(currentSession()?.refresh_token).toBe('r2');
    vi.unstubAllGlobals();
  });

  it('uses a session another tab already rotated instead of spending the old token again', async () => {
    const spent = storeTokens({ access_token: 'a1', refresh_token: 'r1', expires_in: 1 });
    storeTokens({ access_token: 'b2', refresh_token: 'r2', expires_in: 900 });
    const fetchMock = vi.fn(async () => tokenAnswer('x', 'y'));
    vi.stubGlobal('fetch', fetchMock);
    const fresh = await refreshSession(spent);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(fresh?.access_token).toBe('b2');
    vi.unstubAllGlobals();
  });

  it('forgets the session when the server refuses the refresh token', async () => {
    const spent = storeTokens({ access_token: 'a1', refresh_token: 'r1', expires_in: 1 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ code: 'invalid_token' }), { status: 401 })),
    );
    expect(await refreshSession(spent)).toBeNull();
    expect(currentSession()).toBeNull();
    vi.unstubAllGlobals();
  });
});
