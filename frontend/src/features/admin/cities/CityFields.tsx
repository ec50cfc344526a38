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
import type { CityField, CityValues } from './cityForm';

/** The visible label of a city field. */
export function cityLabel(t: TFunction, field: keyof CityValues): string {
  if (isProvenanceField(field)) return provenanceLabel(t, field);
  return t(`city.fields.${field.replace('.', '_')}`, { ns: 'admin' });
}

interface Props {
  values: CityValues;
  setValue<K extends keyof CityValues>(field: K, value: CityValues[K]): void;
  /** The last problem of the form: 422 messages are shown at their fields. */
  problem: unknown;
  /** Fields shown but not editable (with a hint why). */
  fixed?: readonly CityField[];
  /** Why the fixed fields cannot change. */
  fixedHint?: string;
}

/** The inputs of a city, for creating and editing one. */
export function CityFields({ values, setValue, problem, fixed = [], fixedHint }: Props) {
  const { t, i18n } = useTranslation('admin');
  const countries = useQuery(referenceQueries.countries());
  const provinces = useQuery(referenceQueries.provinces());
  const label = (field: CityField) => cityLabel(t, field);
  const isFixed = (field: CityField) => fixed.includes(field);
  const text = (field: CityField, extra: InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {}) => {
    const { hint, ...input } = extra;
    return (
      <TextField
        label={label(field)}
        name={field}
        problem={problem}
        value={values[field]}
        disabled={isFixed(field)}
        hint={isFixed(field) ? fixedHint : hint}
        onChange={(e) => setValue(field, e.target.value)}
        {...input}
      />
    );
  };
  const countryList = [...(countries.data ?? [])].sort(byName(i18n.language));
  const knownCountry = countryList.some((c) => c.code === values.country);
  const provinceList = [...(provinces.data ?? [])].sort(byName(i18n.language));

  return (
    <>
      <fieldset>
        <legend>{t('city.sections.names')}</legend>
        <div className="form-grid">
          {text('name.en', { required: true, lang: 'en' })}
          {text('name.th', { lang: 'th' })}
          {text('slug', { hint: t('city.hints.slug') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('city.sections.place')}</legend>
        <div className="form-grid">
          <SelectField
            label={label('country')}
            name="country"
            problem={problem}
            value={values.country}
            disabled={isFixed('country')}
            hint={isFixed('country') ? fixedHint : undefined}
            required
            onChange={(e) => {
              setValue('country', e.target.value);
              if (e.target.value !== 'TH' && values.province) setValue('province', '');
            }}
          >
            <option value="">{t('city.choose_country')}</option>
            {!knownCountry && values.country && <option value={values.country}>{values.country}</option>}
            {countryList.map((c) => (
              <option key={c.code} value={c.code}>
                {pick(c.name, i18n.language)} ({c.code})
              </option>
            ))}
          </SelectField>
          {values.country === 'TH' && (
            <SelectField
              label={label('province')}
              name="province"
              problem={problem}
              value={values.province}
              disabled={isFixed('province')}
              onChange={(e) => setValue('province', e.target.value)}
            >
              <option value="">{t('city.no_province')}</option>
              {values.province && !provinceList.some((p) => p.code === values.province) && (
                <option value={values.province}>{values.province}</option>
              )}
              {provinceList.map((p) => (
                <option key={p.code} value={p.code}>
                  {pick(p.name, i18n.language)} ({p.code})
                </option>
              ))}
            </SelectField>
          )}
          {text('lat', { type: 'number', step: 'any', min: '-90', max: '90', hint: t('city.hints.lat') })}
          {text('lon', { type: 'number', step: 'any', min: '-180', max: '180', hint: t('city.hints.lon') })}
          {text('geonames_id', { type: 'number', step: '1', min: '1', hint: t('city.hints.geonames_id') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('city.sections.facts')}</legend>
        <div className="form-grid">
          {text('population', { type: 'number', step: '1', min: '0' })}
          {text('area_km2', { type: 'number', step: 'any', min: '0' })}
          {text('website', { type: 'url', hint: t('city.hints.website') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('city.sections.description')}</legend>
        <TextAreaField
          label={label('description.en')}
          name="description.en"
          lang="en"
          rows={5}
          problem={problem}
          value={values['description.en']}
          onChange={(e) => setValue('description.en', e.target.value)}
        />
        <TextAreaField
          label={label('description.th')}
          name="description.th"
          lang="th"
          rows={5}
          problem={problem}
          value={values['description.th']}
          onChange={(e) => setValue('description.th', e.target.value)}
        />
      </fieldset>
      <SourcesEditor values={values} setValue={setValue} problem={problem} />
      <ProblemAlert error={countries.error ?? provinces.error} />
    </>
  );
}
