/** The home page's own reads: the platform's headline figures. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** The query keys of the home page. */
export const homeKeys = {
  all: ['home'] as const,
  overview: () => [...homeKeys.all, 'overview'] as const,
};

/** The reads of the home page, for `useQuery`. */
export const homeQueries = {
  /** The headline counts (`/stats/overview`). */
  overview: () =>
    queryOptions({
      queryKey: homeKeys.overview(),
      queryFn: () => unwrap(api.GET('/api/v1/stats/overview')),
    }),
};
