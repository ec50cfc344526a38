import { describe, expect, it } from 'vitest';
import { currentSession, storeTokens } from '@/auth/session';
import { fakeApi } from '@/test/render';
import { api, answer, unwrap } from './client';
import { ApiProblem } from './problem';

const me = { id: 1, email: 'a@example.org', display_name: 'A', role: 'admin', city: null };

describe('api client', () => {
  it('sends the bearer token and returns data with its ETag', async () => {
    storeTokens({ access_token: 'tok', refresh_token: 'r', expires_in: 900 });
    const requests = fakeApi({ 'GET /api/v1/me': { body: me, headers: { ETag: '"v1"' } } });
    const got = await answer(api.GET('/api/v1/me'));
    expect(got.data.email).toBe('a@example.org');
    expect(got.etag).toBe('"v1"');
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('turns a problem answer into an ApiProblem with its field errors', async () => {
    fakeApi({
      'POST /api/v1/cities': {
        status: 422,
        body: {
          type: 'urn:learning-city:problem:validation_failed',
          title: 'Invalid fields',
          status: 422,
          detail: '1 field is invalid',
          code: 'validation_failed',
          errors: [{ field: 'slug', message: 'must be lower-case' }],
        },
      },
    });
    const problem = await unwrap(api.POST('/api/v1/cities', { body: {} as never })).then(
      () => null,
      (e: unknown) => e,
    );
    if (!(problem instanceof ApiProblem)) throw new Error('expected an ApiProblem');
    expect(problem.code).toBe('validation_failed');
    expect(problem.fieldMessage('slug')).toBe('must be lower-case');
  });

  it('refreshes an expired access token once and retries the request', async () => {
    storeTokens({ access_token: 'old', refresh_token: 'r1', expires_in: 900 });
    const requests = fakeApi({
      'GET /api/v1/me': (request) =>
        request.headers.get('Authorization') === 'Bearer new'
          ? { body: me }
          : { status: 401, body: { code: 'invalid_token', status: 401, title: 'expired', detail: 'expired' } },
      'POST /api/v1/auth/refresh': { body: { access_token: 'new', refresh_token: 'r2', token_type: 'Bearer', expires_in: 900 } },
    });
    const data = await unwrap(api.GET('/api/v1/me'));
    expect(data.id).toBe(1);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me']);
    expect(currentSession()?.refresh_token).toBe('r2');
  });
});
