/**
 * The signed-in session: the access token, its expiry and the single-use refresh token, kept in
 * localStorage so a reload (or a second tab) stays signed in. Refreshing is serialised across tabs
 * with the Web Locks API where the browser has it, because a refresh token that is used twice
 * revokes the whole session on the server.
 */

const KEY = 'lc.session';
/** Refresh this many milliseconds before the access token expires. */
const EARLY_MS = 60_000;

export interface Session {
  access_token: string;
  refresh_token: string;
  /** Epoch milliseconds when the access token expires. */
  expires_at: number;
}

interface TokenAnswer {
  access_token: string;
  refresh_token?: string | null;
  expires_in?: number | null;
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

/** The stored session, if any. */
export function currentSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return parsed.access_token && parsed.refresh_token ? parsed : null;
  } catch {
    return null;
  }
}

/** Stores the tokens of a login or refresh answer and tells the listeners. */
export function storeTokens(answer: TokenAnswer, previousRefresh?: string): Session {
  const session: Session = {
    access_token: answer.access_token,
    refresh_token: answer.refresh_token ?? previousRefresh ?? '',
    expires_at: Date.now() + (answer.expires_in ?? 900) * 1000,
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l(session));
  return session;
}

/** Forgets the session (after logout, or when the server refused the refresh token). */
export function clearSession(): void {
  localStorage.removeItem(KEY);
  listeners.forEach((l) => l(null));
}

/** Calls `listener` whenever the session changes, in this tab or another. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  const storage = (e: StorageEvent) => {
    if (e.key === KEY) listener(currentSession());
  };
  window.addEventListener('storage', storage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', storage);
  };
}

/** True when the access token is expired or about to be. */
export function needsRefresh(session: Session, now = Date.now()): boolean {
  return session.expires_at - EARLY_MS <= now;
}

let inFlight: Promise<Session | null> | null = null;

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('lc.refresh', work) : work();
}

/**
 * Exchanges the refresh token for a new pair, once at a time across tabs. If another tab already
 * rotated the token while this one waited, its fresh session is used instead of refreshing again.
 * Resolves to null (and clears the session) when the server refuses the token.
 */
export function refreshSession(spent: Session): Promise<Session | null> {
  inFlight ??= withLock(async () => {
    const latest = currentSession();
    if (!latest) return null;
    if (latest.refresh_token !== spent.refresh_token && !needsRefresh(latest)) return latest;
    let response: Response;
    try {
      response = await fetch(`${globalThis.location?.origin ?? ''}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: latest.refresh_token }),
      });
    } catch {
      return latest;
    }
    if (!response.ok) {
      if (response.status === 401 || response.status === 400) clearSession();
      return null;
    }
    return storeTokens((await response.json()) as TokenAnswer, latest.refresh_token);
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}
