/**
 * The two ways a form names a city by its slug: a search with a choice of the matching cities
 * ({@link CityPicker}), and a slug input that suggests matching cities ({@link CitySlugField}).
 */
import { useDeferredValue, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { citiesQueries } from '@/features/cities';
import { useLocalized } from '@/i18n/localized';
import { SelectField, TextField } from './forms/Field';
import { ProblemAlert } from './ProblemAlert';

interface Props {
  /** The visible label of the choice. */
  label: string;
  /** The API's name for the field (for its 422 message). */
  name: string;
  /** The chosen city's slug, or ''. */
  value: string;
  onChange(slug: string): void;
  problem?: unknown;
}

/** Chooses a city: a search by name (English or Thai) and the matching cities to pick from. */
export function CityPicker({ label, name, value, onChange, problem }: Props) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const searchId = useId();
  const [q, setQ] = useState('');
  const term = q.trim();
  const cities = useQuery(citiesQueries.list({ q: term || undefined, limit: 50 }));
  const items = cities.data?.items ?? [];
  return (
    <div className="city-picker">
      <div className="field">
        <label htmlFor={searchId}>{t('city_picker.search', { label })}</label>
        <input
          id={searchId}
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => {
            setQ(e.target.value);
            onChange('');
          }}
        />
      </div>
      {cities.error ? (
        <ProblemAlert error={cities.error} />
      ) : (
        <SelectField
          label={label}
          name={name}
          problem={problem}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          hint={cities.data ? t('city_picker.matches', { shown: items.length, total: cities.data.total }) : t('loading', { ns: 'common' })}
          required
        >
          <option value="">{t('city_picker.choose')}</option>
          {items.map((c) => (
            <option key={c.slug} value={c.slug}>
              {text(c.name)} ({c.country})
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}

interface SlugFieldProps {
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
export function CitySlugField({ label, name, value, onChange, problem, required, disabled }: SlugFieldProps) {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const listId = useId();
  const typed = useDeferredValue(value.trim());
  const matches = useQuery({
    ...citiesQueries.list({ q: typed, limit: 20 }),
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
        {(matches.data?.items ?? []).map((city) => (
          <option key={city.slug} value={city.slug}>
            {`${text(city.name)} (${city.country})`}
          </option>
        ))}
      </datalist>
      <ProblemAlert error={matches.error} />
    </>
  );
}
