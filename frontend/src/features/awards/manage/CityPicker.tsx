import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';

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
  const cities = useQuery({
    queryKey: ['manage', 'city-search', term],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities', {
          params: { query: { q: term || undefined, limit: 50 } },
        }),
      ),
  });
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
