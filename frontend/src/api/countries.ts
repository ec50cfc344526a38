import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { allPages } from './pages';
import { useLocalized } from '@/i18n/localized';

/**
 * The API's country names by ISO code, in the current language. Until they have loaded (or if
 * they failed: `error`, for the page to show) a country is shown by its code.
 */
export function useCountryNames() {
  const { text } = useLocalized();
  const query = useQuery({
    queryKey: ['countries', 'all'],
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET('/api/v1/countries', { params: { query: { limit: 200, cursor } } }))),
    staleTime: Infinity,
  });
  const byCode = new Map((query.data ?? []).map((c) => [c.code, c]));
  return {
    error: query.error,
    name: (code: string) => {
      const country = byCode.get(code);
      return country ? text(country.name) : code;
    },
  };
}
