/**
 * Renders a component as the app does (router, query cache, session, i18n) for component tests.
 * Requests go to `fetch`, which a test replaces with {@link fakeApi}.
 */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { AuthProvider } from '@/auth/AuthProvider';
import i18n from '@/i18n';

/** Renders `element` at `path` (matched by `route`, default `*`), in `language`. */
export async function renderAt(element: ReactElement, { path = '/', route = '*', language = 'en' } = {}) {
  await i18n.changeLanguage(language);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider>
          <Routes>
            <Route path={route} element={element} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** A canned answer: a JSON body (or a function of the request) and its status. */
type Reply = { status?: number; body: unknown; headers?: Record<string, string> };
type Handler = Reply | ((request: Request) => Reply);

/**
 * Replaces `fetch` with answers keyed by `METHOD /path` (query string excluded); the requests
 * made are returned for assertions. An unlisted request fails the test with a 599.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    requests.push(request.clone());
    const url = new URL(request.url, 'http://localhost');
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) return new Response(JSON.stringify({ code: 'unlisted', title: 'unlisted', status: 599, detail: url.pathname }), { status: 599 });
    const reply = typeof handler === 'function' ? handler(request) : handler;
    const status = reply.status ?? 200;
    const json = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': json, ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return requests;
}
