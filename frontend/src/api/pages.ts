/** A page of a cursor-paged list, as the API answers it. */
export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * Every row of a cursor-paged list, for drawing all of them on a map: asks for the pages one
 * after another until `next_cursor` is null (at most `maxPages` pages, as a guard).
 */
export async function allPages<T>(fetchPage: (cursor?: string) => Promise<CursorPage<T>>, maxPages = 25): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await fetchPage(cursor);
    rows.push(...answer.items);
    if (!answer.next_cursor) break;
    cursor = answer.next_cursor;
  }
  return rows;
}
