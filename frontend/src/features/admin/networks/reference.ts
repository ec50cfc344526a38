import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { jsonOnly } from '../shared';

/** Every (live) network, by name, for choosing one in a form or filter. */
export function useNetworkOptions() {
  return useQuery({
    queryKey: ['admin', 'networks', 'options'],
    queryFn: async () =>
      jsonOnly(await unwrap(api.GET('/api/v1/networks', { params: { query: { limit: 200 } } }))).items,
  });
}
