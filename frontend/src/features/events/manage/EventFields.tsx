import type { InputHTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CitySlugField } from '@/components/CityPicker';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SelectField, TextAreaField, TextField } from '@/components/forms/Field';
import type { FieldValue } from '@/components/forms/StaleEdit';
import { SourcesEditor, isProvenanceField, provenanceLabel, showFormValue } from '@/features/admin';
import { networksQueries } from '@/features/networks';
import { useLocalized } from '@/i18n/localized';
import { eventsQueries } from '../api';
import { MODES, TYPES } from '../model';
import { CitiesEditor, OrganisersEditor, SessionsEditor } from './ListEditors';
import { isListField, listSummary, type EventField, type EventValues } from './eventForm';

/** The visible label of an event field (for the table of a stale edit too). */
export function eventLabel(t: TFunction, field: keyof EventValues): string {
  if (isProvenanceField(field)) return provenanceLabel(t, field);
  if (isListField(field)) return t(`manage.sections.${field}`, { ns: 'events' });
  return t(`manage.fields.${field.replaceAll('.', '_')}`, { ns: 'events' });
}

/** How a stale edit's table shows a value: a list as its titles or slugs with roles, others as usual. */
export function showEventValue(t: TFunction, field: string, value: FieldValue): string {
  if (isListField(field)) {
    const summary = listSummary(field, value);
    return summary === '' ? t('value.empty', { ns: 'forms' }) : summary;
  }
  return showFormValue(t, field, value);
}

interface Props {
  values: EventValues;
  setValue<K extends keyof EventValues>(field: K, value: EventValues[K]): void;
  /** The last problem of the form: 422 messages are shown at their fields. */
  problem: unknown;
}

/**
 * The inputs of an event, for creating, proposing and editing one: what it is, when (days and
 * times in its time zone, or only a year), where and how, attendance, the agenda with speakers,
 * the participating cities, the organisers, and the sources.
 */
export function EventFields({ values, setValue, problem }: Props) {
  const { t } = useTranslation(['events', 'admin']);
  const { text: localized } = useLocalized();
  const series = useQuery(eventsQueries.series());
  const networks = useQuery(networksQueries.everyNetwork());
  const label = (field: EventField) => eventLabel(t, field);
  const hint = (field: EventField) => t(`manage.hints.${field.replaceAll('.', '_')}`);
  const text = (field: EventField, extra: InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {}) => (
    <TextField
      label={label(field)}
      name={field}
      problem={problem}
      value={values[field]}
      onChange={(e) => setValue(field, e.target.value)}
      {...extra}
    />
  );
  const area = (field: EventField, lang?: string) => (
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
  const choice = (field: 'series' | 'network', options: { slug: string; name: string }[], none: string) => (
    <SelectField label={label(field)} name={field} problem={problem} value={values[field]} onChange={(e) => setValue(field, e.target.value)}>
      <option value="">{none}</option>
      {values[field] && !options.some((o) => o.slug === values[field]) && <option value={values[field]}>{values[field]}</option>}
      {options.map((o) => (
        <option key={o.slug} value={o.slug}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
  return (
    <>
      <fieldset>
        <legend>{t('manage.sections.what')}</legend>
        <div className="form-grid">
          {text('title.en', { required: true, lang: 'en' })}
          {text('title.th', { lang: 'th' })}
          {text('slug', { hint: hint('slug') })}
          <SelectField label={label('type')} name="type" problem={problem} value={values.type} required onChange={(e) => setValue('type', e.target.value)}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </SelectField>
          {choice(
            'series',
            (series.data ?? []).map((s) => ({ slug: s.slug, name: localized(s.name) })),
            t('manage.no_series'),
          )}
          {choice(
            'network',
            (networks.data?.items ?? []).map((n) => ({ slug: n.slug, name: localized(n.name) })),
            t('manage.no_network'),
          )}
        </div>
        {area('summary.en', 'en')}
        {area('summary.th', 'th')}
      </fieldset>
      <fieldset>
        <legend>{t('manage.sections.when')}</legend>
        <p className="muted">{t('manage.hints.when')}</p>
        <div className="form-grid">
          {text('time_zone', { required: true, hint: hint('time_zone') })}
          {text('starts_on', { type: 'date' })}
          {text('ends_on', { type: 'date', hint: hint('ends_on') })}
          {text('starts_at', { type: 'time', hint: hint('starts_at') })}
          {text('ends_at', { type: 'time', hint: hint('ends_at') })}
          {text('year', { type: 'number', min: '1900', max: '2200', step: '1', hint: hint('year') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.sections.where')}</legend>
        <div className="form-grid">
          <SelectField label={label('mode')} name="mode" problem={problem} value={values.mode} onChange={(e) => setValue('mode', e.target.value)}>
            <option value="">{t('manage.no_mode')}</option>
            {MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`mode.${mode}`)}
              </option>
            ))}
          </SelectField>
          {text('venue.name.en', { lang: 'en' })}
          {text('venue.name.th', { lang: 'th' })}
          {text('venue.address')}
          <div>
            <CitySlugField label={label('venue.city')} name="venue.city" problem={problem} value={values['venue.city']} onChange={(slug) => setValue('venue.city', slug)} />
          </div>
          {text('venue.latitude', { type: 'number', step: 'any', min: '-90', max: '90', hint: hint('venue.latitude') })}
          {text('venue.longitude', { type: 'number', step: 'any', min: '-180', max: '180' })}
          {text('languages', { hint: hint('languages') })}
          {text('interpretation', { hint: hint('languages') })}
          {text('live_stream_url', { type: 'url', hint: t('city.hints.website', { ns: 'admin' }) })}
          {text('recording_url', { type: 'url', hint: t('city.hints.website', { ns: 'admin' }) })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.sections.attendance')}</legend>
        <div className="form-grid">
          {text('expected_attendance', { type: 'number', min: '0', step: '1' })}
          {text('reported_attendance', { type: 'number', min: '0', step: '1' })}
        </div>
        {area('attendance_note')}
      </fieldset>
      <SessionsEditor value={values.sessions} onChange={(v) => setValue('sessions', v)} problem={problem} />
      <CitiesEditor value={values.cities} onChange={(v) => setValue('cities', v)} problem={problem} />
      <OrganisersEditor value={values.organisers} onChange={(v) => setValue('organisers', v)} problem={problem} />
      <SourcesEditor values={values} setValue={setValue} problem={problem} />
      <ProblemAlert error={series.error ?? networks.error} />
    </>
  );
}
