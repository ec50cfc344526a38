import type { InputHTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { byName, referenceQueries } from '@/api/reference';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField, TextAreaField, TextField } from '@/components/forms/Field';
import { pick } from '@/i18n/localized';
import { SourcesEditor, isProvenanceField, provenanceLabel } from '@/features/admin';
import { KINDS } from '../model';
import type { OrganisationField, OrganisationValues } from './organisationForm';

/** The visible label of an organisation field. */
export function organisationLabel(t: TFunction, field: keyof OrganisationValues): string {
  if (isProvenanceField(field)) return provenanceLabel(t, field);
  return t(`manage.fields.${field.replace('.', '_')}`, { ns: 'organisations' });
}

interface Props {
  values: OrganisationValues;
  setValue<K extends keyof OrganisationValues>(field: K, value: OrganisationValues[K]): void;
  /** The last problem of the form: 422 messages are shown at their fields. */
  problem: unknown;
}

/** The inputs of an organisation, for creating and editing one. */
export function OrganisationFields({ values, setValue, problem }: Props) {
  const { t, i18n } = useTranslation(['organisations', 'admin']);
  const countries = useQuery(referenceQueries.countries());
  const label = (field: OrganisationField) => organisationLabel(t, field);
  const text = (field: OrganisationField, extra: InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {}) => (
    <TextField
      label={label(field)}
      name={field}
      problem={problem}
      value={values[field]}
      onChange={(e) => setValue(field, e.target.value)}
      {...extra}
    />
  );
  const area = (field: OrganisationField, lang: string) => (
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
        <legend>{t('manage.sections.names')}</legend>
        <div className="form-grid">
          {text('name.en', { required: true, lang: 'en' })}
          {text('name.th', { lang: 'th' })}
          {text('abbreviation.en', { lang: 'en' })}
          {text('abbreviation.th', { lang: 'th' })}
          {text('slug', { hint: t('city.hints.slug', { ns: 'admin' }) })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.sections.facts')}</legend>
        <div className="form-grid">
          <SelectField
            label={label('kind')}
            name="kind"
            problem={problem}
            value={values.kind}
            required
            onChange={(e) => setValue('kind', e.target.value)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={label('country')}
            name="country"
            problem={problem}
            hint={t('manage.hints.country')}
            value={values.country}
            onChange={(e) => setValue('country', e.target.value)}
          >
            <option value="">{t('facts.international')}</option>
            {values.country && !countryList.some((c) => c.code === values.country) && (
              <option value={values.country}>{values.country}</option>
            )}
            {countryList.map((c) => (
              <option key={c.code} value={c.code}>
                {pick(c.name, i18n.language)} ({c.code})
              </option>
            ))}
          </SelectField>
          {text('website', { type: 'url', hint: t('city.hints.website', { ns: 'admin' }) })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.sections.description')}</legend>
        {area('description.en', 'en')}
        {area('description.th', 'th')}
      </fieldset>
      <SourcesEditor values={values} setValue={setValue} problem={problem} />
      <ProblemAlert error={countries.error} />
    </>
  );
}
