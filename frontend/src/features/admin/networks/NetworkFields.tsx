import type { InputHTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField, TextAreaField, TextField } from '@/components/forms/Field';
import { pick } from '@/i18n/localized';
import { byName, referenceQueries } from '@/api/reference';
import { SourcesEditor, provenanceLabel } from '@/features/admin/SourcesEditor';
import { isProvenanceField } from '@/features/admin/provenanceForm';
import { NETWORK_SCOPES, NETWORK_STATUSES, type NetworkField, type NetworkValues } from './networkForm';

/** The visible label of a network field. */
export function networkLabel(t: TFunction, field: keyof NetworkValues): string {
  if (isProvenanceField(field)) return provenanceLabel(t, field);
  return t(`network.fields.${field.replace('.', '_')}`, { ns: 'admin' });
}

interface Props {
  values: NetworkValues;
  setValue<K extends keyof NetworkValues>(field: K, value: NetworkValues[K]): void;
  /** The last problem of the form: 422 messages are shown at their fields. */
  problem: unknown;
}

/** The inputs of a network, for creating and editing one. */
export function NetworkFields({ values, setValue, problem }: Props) {
  const { t, i18n } = useTranslation('admin');
  const countries = useQuery(referenceQueries.countries());
  const label = (field: NetworkField) => networkLabel(t, field);
  const text = (field: NetworkField, extra: InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {}) => (
    <TextField
      label={label(field)}
      name={field}
      problem={problem}
      value={values[field]}
      onChange={(e) => setValue(field, e.target.value)}
      {...extra}
    />
  );
  const area = (field: NetworkField, lang: string) => (
    <TextAreaField
      label={label(field)}
      name={field}
      lang={lang}
      rows={4}
      problem={problem}
      value={values[field]}
      onChange={(e) => setValue(field, e.target.value)}
    />
  );
  const countryList = [...(countries.data ?? [])].sort(byName(i18n.language));
  return (
    <>
      <fieldset>
        <legend>{t('network.sections.names')}</legend>
        <div className="form-grid">
          {text('name.en', { required: true, lang: 'en' })}
          {text('name.th', { lang: 'th' })}
          {text('slug', { hint: t('city.hints.slug') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('network.sections.scope')}</legend>
        <div className="form-grid">
          <SelectField
            label={label('scope')}
            name="scope"
            problem={problem}
            value={values.scope}
            required
            onChange={(e) => setValue('scope', e.target.value)}
          >
            {NETWORK_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`network.scope.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={label('status')}
            name="status"
            problem={problem}
            value={values.status}
            onChange={(e) => setValue('status', e.target.value)}
          >
            {NETWORK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`network.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={label('country')}
            name="country"
            problem={problem}
            hint={t('network.hints.country')}
            value={values.country}
            onChange={(e) => setValue('country', e.target.value)}
          >
            <option value="">{t('network.no_country')}</option>
            {values.country && !countryList.some((c) => c.code === values.country) && (
              <option value={values.country}>{values.country}</option>
            )}
            {countryList.map((c) => (
              <option key={c.code} value={c.code}>
                {pick(c.name, i18n.language)} ({c.code})
              </option>
            ))}
          </SelectField>
          {text('founded_year', { type: 'number', min: '1900', step: '1' })}
          {text('website', { type: 'url', hint: t('city.hints.website') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('network.sections.secretariat')}</legend>
        <div className="form-grid">
          {text('secretariat.en', { lang: 'en' })}
          {text('secretariat.th', { lang: 'th' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('network.sections.description')}</legend>
        {area('description.en', 'en')}
        {area('description.th', 'th')}
      </fieldset>
      <SourcesEditor values={values} setValue={setValue} problem={problem} />
      <ProblemAlert error={countries.error} />
    </>
  );
}
