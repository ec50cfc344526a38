import { useState } from 'react';

/**
 * A stack of cursors for one cursor-paged list. It starts again at the first page whenever
 * `resetKey` (the list's filters) changes.
 */
export function useCursors(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: resetKey, stack: [] });
  const stack = state.key === resetKey ? state.stack : [];
  return {
    cursor: stack[stack.length - 1],
    hasPrevious: stack.length > 0,
    next: (cursor: string) => setState({ key: resetKey, stack: [...stack, cursor] }),
    previous: () => setState({ key: resetKey, stack: stack.slice(0, -1) }),
  };
}
