import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem } from '@/api/problem';
import { TextAreaField, TextField } from '@/components/forms/Field';
import type { FieldValue } from '@/components/forms/StaleEdit';
import {
  emptySource,
  MAX_SOURCES,
  sourceRows,
  sourcesSummary,
  sourcesText,
  type ProvenanceField,
  type ProvenanceValues,
  type SourcePart,
  type SourceRow,
} from './provenanceForm';

/** The visible label of a provenance field (for the table of a stale edit). */
export function provenanceLabel(t: TFunction, field: ProvenanceField): string {
  return t(`sources.fields.${field}`, { ns: 'forms' });
}

/**
 * How a stale edit's table shows a value: the source list as its addresses (else titles), other
 * values as the table does by default (yes / no, "empty").
 */
export function showFormValue(t: TFunction, field: string, value: FieldValue): string {
  if (typeof value === 'boolean') return value ? t('value.yes', { ns: 'forms' }) : t('value.no', { ns: 'forms' });
  const text = field === 'sources' ? sourcesSummary(value) : value;
  return text === '' ? t('value.empty', { ns: 'forms' }) : text;
}

interface Props {
  values: ProvenanceValues;
  setValue<K extends ProvenanceField>(field: K, value: ProvenanceValues[K]): void;
  /** The last problem of the form: 422 messages (such as `sources[0].url`) are shown at their inputs. */
  problem: unknown;
}

/**
 * A record's sources and its "not verified" mark, for the create and edit forms of cities,
 * networks and memberships: a row of inputs per source, with buttons to add and remove rows, and
 * a checkbox that marks the record as not verified, with the reason.
 */
export function SourcesEditor({ values, setValue, problem }: Props) {
  const { t } = useTranslation('forms');
  const hintId = useId();
  const rows = sourceRows(values.sources);
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes after the next render: a new row's first input, or the add button. */
  const focusNext = useRef<number | 'add' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else list.current?.querySelector<HTMLElement>(`[data-source="${target}"] input`)?.focus();
  });

  const setRows = (next: SourceRow[]) => setValue('sources', sourcesText(next));
  const change = (index: number, part: SourcePart, value: string) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)));
  const add = () => {
    focusNext.current = rows.length;
    setRows([...rows, emptySource()]);
  };
  const remove = (index: number) => {
    focusNext.current = 'add';
    setRows(rows.filter((_, i) => i !== index));
  };
  const message = (field: string) => (problem instanceof ApiProblem ? problem.fieldMessage(field) : undefined);
  const listError = message('sources');
  const full = rows.length >= MAX_SOURCES;

  const text = (index: number, part: SourcePart, extra: { type?: string; hint?: string } = {}) => (
    <TextField
      label={t(`sources.part.${part}`)}
      name={`sources[${index}].${part}`}
      problem={problem}
      value={rows[index]?.[part] ?? ''}
      onChange={(e) => change(index, part, e.target.value)}
      {...extra}
    />
  );

  return (
    <fieldset className="sources-editor">
      <legend>{t('sources.legend')}</legend>
      <p className="muted">{t('sources.hint', { count: MAX_SOURCES })}</p>
      <div ref={list}>
        {rows.length === 0 && <p>{t('sources.none')}</p>}
        {rows.map((_, index) => {
          const rowError = message(`sources[${index}]`);
          return (
            <fieldset key={index} className="source-row" data-source={index}>
              <legend>{t('sources.source_n', { n: index + 1 })}</legend>
              {rowError && <p className="field-error">{rowError}</p>}
              <div className="form-grid">
                {text(index, 'url', { type: 'url', hint: t('sources.hints.url') })}
                {text(index, 'title')}
                {text(index, 'publisher')}
                {text(index, 'published_on', { type: 'date' })}
                {text(index, 'accessed_on', { type: 'date' })}
              </div>
              <TextAreaField
                label={t('sources.part.excerpt')}
                name={`sources[${index}].excerpt`}
                hint={t('sources.hints.excerpt')}
                rows={2}
                problem={problem}
                value={rows[index]?.excerpt ?? ''}
                onChange={(e) => change(index, 'excerpt', e.target.value)}
              />
              <div className="actions">
                <button type="button" onClick={() => remove(index)}>
                  {t('sources.remove', { n: index + 1 })}
                </button>
              </div>
            </fieldset>
          );
        })}
      </div>
      {listError && <p className="field-error">{listError}</p>}
      <div className="actions">
        <button type="button" ref={addButton} onClick={add} disabled={full}>
          {t('sources.add')}
        </button>
        {full && <span className="muted">{t('sources.full', { count: MAX_SOURCES })}</span>}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          name="unverified"
          checked={values.unverified}
          aria-describedby={hintId}
          onChange={(e) => {
            setValue('unverified', e.target.checked);
            if (!e.target.checked) setValue('unverified_reason', '');
          }}
        />
        {provenanceLabel(t, 'unverified')}
      </label>
      <span id={hintId} className="muted">
        {t('sources.hints.unverified')}
      </span>
      {values.unverified && (
        <TextAreaField
          label={provenanceLabel(t, 'unverified_reason')}
          name="unverified_reason"
          hint={t('sources.hints.unverified_reason')}
          rows={2}
          maxLength={500}
          required
          problem={problem}
          value={values.unverified_reason}
          onChange={(e) => setValue('unverified_reason', e.target.value)}
        />
      )}
    </fieldset>
  );
}
