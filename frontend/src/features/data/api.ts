/** The data page's own reads: the published bulk datasets and the coverage of the data. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** The query keys of the data page. */
export const dataKeys = {
  all: ['data'] as const,
  datasets: () => [...dataKeys.all, 'datasets'] as const,
  coverage: () => [...dataKeys.all, 'coverage'] as const,
};

/** The reads of the data page, for `useQuery`. */
export const dataQueries = {
  /** The bulk datasets with their data dictionary, licence and attribution. */
  datasets: () =>
    queryOptions({
      queryKey: dataKeys.datasets(),
      queryFn: () => unwrap(api.GET('/api/v1/datasets')),
    }),
  /** How much of the picture is recorded here: per network and per field, `have` of `of` (`/stats/coverage`). */
  coverage: () =>
    queryOptions({
      queryKey: dataKeys.coverage(),
      queryFn: () => unwrap(api.GET('/api/v1/stats/coverage')),
    }),
};
