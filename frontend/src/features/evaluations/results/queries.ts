import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type Cycle = components['schemas']['Cycle'];

/** Every published cycle that has an evaluation framework, so a ranking, newest first. */
export async function rankedCycles(): Promise<Cycle[]> {
  const cycles: Cycle[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/api/v1/award-cycles', { params: { query: { status: 'published', limit: 200, cursor } } }),
    );
    cycles.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return cycles.filter((c) => Boolean(c.framework));
}
