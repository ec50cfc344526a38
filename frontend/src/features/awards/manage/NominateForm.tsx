import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '@/components/forms/Field';
import { useLocalized } from '@/i18n/localized';
import { CityPicker } from '@/components/CityPicker';
import { awardsApi } from '@/features/awards/api';
import { Refusal } from '@/components/Refusal';
import type { Cycle, Nomination } from './model';

/**
 * Nominates a city on its behalf into a category of an open cycle (`POST /nominations`). The
 * API's refusals are shown as they come, `not_eligible` with the rules the city fails.
 */
export function NominateForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState(cycle.categories.length === 1 ? (cycle.categories[0]?.slug ?? '') : '');
  const [city, setCity] = useState('');
  const [statement, setStatement] = useState('');
  const [links, setLinks] = useState('');
  const [created, setCreated] = useState<Nomination | null>(null);
  const nominate = useMutation({
    mutationFn: () => {
      const evidence = links
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return awardsApi.nominate({
        category,
        city: city || null,
        statement: statement.trim() || null,
        evidence_links: evidence.length > 0 ? evidence : null,
      });
    },
    onSuccess: async (n) => {
      setCreated(n);
      setCity('');
      setStatement('');
      setLinks('');
      await queryClient.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    nominate.mutate();
  };
  return (
    <form className="form manage-form" onSubmit={submit} noValidate aria-labelledby="nominate-heading">
      <h2 id="nominate-heading">{t('nominate.heading')}</h2>
      <p className="muted">{t('nominate.intro')}</p>
      <div className="form-grid">
        <SelectField
          label={t('nominate.category')}
          name="category"
          problem={nominate.error}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          required
        >
          <option value="">{t('nominate.choose_category')}</option>
          {cycle.categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {text(c.name)}
            </option>
          ))}
        </SelectField>
        <CityPicker label={t('nominate.city')} name="city" value={city} onChange={setCity} problem={nominate.error} />
      </div>
      <TextAreaField
        label={t('nominate.statement')}
        name="statement"
        problem={nominate.error}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        rows={4}
        maxLength={10000}
      />
      <TextAreaField
        label={t('nominate.evidence')}
        name="evidence_links"
        problem={nominate.error}
        value={links}
        onChange={(e) => setLinks(e.target.value)}
        rows={3}
        hint={t('nominate.evidence_hint')}
      />
      <Refusal error={nominate.error} />
      <p role="status">{created && t('nominate.created', { city: text(created.city_name) })}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={nominate.isPending}>
          {nominate.isPending ? t('actions.saving') : t('nominate.submit')}
        </button>
      </div>
    </form>
  );
}
