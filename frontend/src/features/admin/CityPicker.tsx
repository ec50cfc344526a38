import { useDeferredValue, useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { ProblemAlert } from '@/components/ProblemAlert';
import { TextField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';

interface Props {
  label: string;
  /** The API's field name (for its 422 message). */
  name: string;
  /** The city's slug as typed. */
  value: string;
  onChange(slug: string): void;
  problem?: unknown;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A city slug input that suggests matching cities (by English or Thai name) as the user types,
 * through the browser's own suggestion list, so it works with the keyboard and screen readers.
 */
export function CityPicker({ label, name, value, onChange, problem, required, disabled }: Props) {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const listId = useId();
  const typed = useDeferredValue(value.trim());
  const matches = useQuery({
    queryKey: ['admin', 'city-picker', typed],
    queryFn: async () => (await unwrap(api.GET('/api/v1/cities', { params: { query: { q: typed, limit: 20 } } }))).items,
    enabled: typed.length >= 2 && !disabled,
    staleTime: 60_000,
  });
  return (
    <>
      <TextField
        label={label}
        name={name}
        problem={problem}
        value={value}
        required={required}
        disabled={disabled}
        list={listId}
        autoComplete="off"
        hint={t('city_picker.hint')}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {(matches.data ?? []).map((city) => (
          <option key={city.slug} value={city.slug}>
            {`${text(city.name)} (${city.country})`}
          </option>
        ))}
      </datalist>
      <ProblemAlert error={matches.error} />
    </>
  );
}
