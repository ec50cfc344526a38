import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** Every (live) network, by name, for choosing one in a form or filter. */
export function useNetworkOptions() {
  return useQuery({
    queryKey: ['admin', 'networks', 'options'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/networks', { params: { query: { limit: 200 } } }))).items,
  });
}
