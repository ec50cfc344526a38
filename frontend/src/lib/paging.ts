/** Cursor paging of the API's lists: the cursors of the pages before the one shown. */
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/**
 * The cursors of the pages before this one, kept in the history entry (`''` is the first page),
 * so "previous" goes back exactly; a shared link with a cursor has none, and "previous" then goes
 * to the first page.
 */
export function cursorStack(state: unknown): string[] {
  if (state && typeof state === 'object' && 'cursors' in state && Array.isArray(state.cursors)) {
    return state.cursors.filter((c): c is string => typeof c === 'string');
  }
  return [];
}

/**
 * A cursor-paged list whose view lives in the URL: `cursor` and the other search parameters
 * (filters, `sort`). Changing a parameter goes back to the first page.
 */
export function useUrlPaging() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const cursor = params.get('cursor') ?? '';
  const stack = cursorStack(location.state);

  const show = (next: URLSearchParams, nextCursor: string, cursors: string[]) => {
    if (nextCursor) next.set('cursor', nextCursor);
    else next.delete('cursor');
    setParams(next, { state: { cursors } });
  };
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    show(next, '', []);
  };

  return {
    params,
    /** The current page's cursor, `undefined` on the first page. */
    cursor: cursor || undefined,
    hasPrevious: cursor !== '',
    /** Sets (or, with `''`, removes) a parameter, back on the first page. */
    set(name: string, value: string) {
      update({ [name]: value });
    },
    /** Sets (or, with `''`, removes) several parameters at once, back on the first page. */
    update,
    next(nextCursor: string) {
      show(new URLSearchParams(params), nextCursor, [...stack, cursor]);
    },
    previous() {
      show(new URLSearchParams(params), stack.at(-1) ?? '', stack.slice(0, -1));
    },
    first() {
      show(new URLSearchParams(params), '', []);
    },
  };
}

/**
 * Cursor paging kept in the component (not the URL): the cursors of the pages seen so far. Any
 * change of `resetKey` (the list's filters) starts again at the first page.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: string[] }>({ key: resetKey, cursors: [] });
  const cursors = state.key === resetKey ? state.cursors : [];
  return {
    /** The cursor of the page shown, undefined on the first. */
    cursor: cursors[cursors.length - 1],
    hasPrevious: cursors.length > 0,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}
