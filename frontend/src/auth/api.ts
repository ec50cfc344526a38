/** The session's calls: who is signed in, sign in, sign out (the token refresh lives in `session.ts`). */
import { api, unwrap } from '@/api/client';

export const authApi = {
  me: () => unwrap(api.GET('/api/v1/me')),
  login: (email: string, password: string) => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
  /** Revokes the refresh token; a failure is ignored, as the session ends anyway. */
  logout: (refreshToken: string) =>
    api.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken } }).catch(() => undefined),
};
