/**
 * The one typed API client. It adds the bearer token of the session, refreshes the access token
 * silently when it is about to expire or the server says it has (then retries once), and turns
 * every error answer into an {@link ApiProblem}.
 */
import createClient from 'openapi-fetch';
import { currentSession, needsRefresh, refreshSession } from '@/auth/session';
import type { paths } from './schema';
import { ApiProblem } from './problem';

async function authorisedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  let session = currentSession();
  if (session && needsRefresh(session)) session = await refreshSession(session);
  const send = (request: Request, token?: string) => {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return fetch(request);
  };
  const response = await send(input, session?.access_token);
  if (response.status === 401 && session) {
    const renewed = await refreshSession(session);
    if (renewed) return send(retry, renewed.access_token);
  }
  return response;
}

/**
 * The client: `api.GET('/api/v1/cities', { params: { query: { country: 'TH' } } })`. Answers are
 * typed as JSON; downloads (CSV, NDJSON) are plain links, not client calls.
 */
export const api = createClient<paths, 'application/json'>({ baseUrl: globalThis.location?.origin ?? '', fetch: authorisedFetch });

/** An answer with its data and the headers that matter for caching and safe writes. */
export interface Answer<T> {
  data: T;
  etag: string | null;
  response: Response;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits a client call and returns its data, or throws the problem it answered with. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  return (await answer(call)).data;
}

/** Like {@link unwrap}, also returning the `ETag` to send back as `If-Match`. */
export async function answer<T>(call: Promise<Result<T>>): Promise<Answer<T>> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw ApiProblem.from(error, response);
  return { data: data as T, etag: response.headers.get('ETag'), response };
}
