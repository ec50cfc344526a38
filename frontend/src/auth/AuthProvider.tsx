import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { ApiProblem } from '@/api/problem';
import { authApi } from './api';
import { clearSession, currentSession, onSessionChange, storeTokens } from './session';

/** The signed-in user, as `GET /api/v1/me` describes them. */
export type Me = components['schemas']['Me'];
/** A role of the platform. */
export type Role = components['schemas']['Role'];

interface AuthState {
  /** The user, or null when signed out; undefined while the stored session is being checked. */
  user: Me | null | undefined;
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** True when the user has one of `roles`. */
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

async function fetchMe(): Promise<Me | null> {
  if (!currentSession()) return null;
  try {
    return await authApi.me();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) {
      clearSession();
      return null;
    }
    throw e;
  }
}

/** Holds the session for the app: who is signed in, and login / logout. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<Me | null | undefined>(currentSession() ? undefined : null);

  useEffect(() => {
    let live = true;
    fetchMe()
      .then((me) => live && setUser(me))
      .catch(() => live && setUser(null));
    const stop = onSessionChange((session) => {
      if (!session) {
        setUser(null);
        queryClient.clear();
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, [queryClient]);

  const login = useCallback(
    async (email: string, password: string) => {
      const tokens = await authApi.login(email, password);
      storeTokens(tokens);
      const me = await authApi.me();
      queryClient.clear();
      setUser(me);
      return me;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    const session = currentSession();
    if (session) {
      await authApi.logout(session.refresh_token);
    }
    clearSession();
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({ user, login, logout, hasRole: (...roles) => !!user && roles.includes(user.role) }),
    [user, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session of the app; use inside {@link AuthProvider}. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
