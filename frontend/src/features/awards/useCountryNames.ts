import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { jsonOnly } from '../../components/map/allPages';
import type { components } from '../../api/schema';
import { useLocalized } from '../../i18n/localized';

type Country = components['schemas']['Country'];

async function allCountries(): Promise<Country[]> {
  const countries: Country[] = [];
  let cursor: string | undefined;
  do {
    const page = jsonOnly(await unwrap(api.GET('/api/v1/countries', { params: { query: { limit: 200, cursor } } })));
    countries.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return countries;
}

/**
 * The API's country names by ISO code, in the current language. Until they have loaded (or if
 * they fail, see `error`) a country is shown by its code.
 */
export function useCountryNames() {
  const { text } = useLocalized();
  const query = useQuery({ queryKey: ['countries', 'all'], queryFn: allCountries, staleTime: Infinity });
  const byCode = new Map((query.data ?? []).map((c) => [c.code, c]));
  return {
    error: query.error,
    name: (code: string) => {
      const country = byCode.get(code);
      return country ? text(country.name) : code;
    },
  };
}
