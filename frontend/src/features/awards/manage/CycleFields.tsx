import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '@/components/forms/Field';
import { DataState } from '@/components/DataState';
import { useLocalized } from '@/i18n/localized';
import { evaluationsQueries } from '@/features/evaluations';
import type { CycleField, CycleValues } from './cycleForm';

interface Props {
  values: CycleValues;
  setValue(field: CycleField, value: string): void;
  /** The last problem of the form: its field messages are shown under the inputs. */
  problem: unknown;
}

/** The texts, dates, criteria, source and framework of a cycle (shared by create and edit). */
export function CycleFields({ values, setValue, problem }: Props) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const frameworks = useQuery(evaluationsQueries.frameworkList());
  const set = (field: CycleField) => (e: { target: { value: string } }) => setValue(field, e.target.value);
  return (
    <>
      <fieldset>
        <legend>{t('cycle_form.title_legend')}</legend>
        <div className="form-grid">
          <TextField
            label={t('cycle_form.title_en')}
            name="title.en"
            problem={problem}
            value={values['title.en']}
            onChange={set('title.en')}
            required
            lang="en"
          />
          <TextField
            label={t('cycle_form.title_th')}
            name="title.th"
            problem={problem}
            value={values['title.th']}
            onChange={set('title.th')}
            lang="th"
          />
        </div>
        <div className="form-grid">
          <TextAreaField
            label={t('cycle_form.summary_en')}
            name="summary.en"
            problem={problem}
            value={values['summary.en']}
            onChange={set('summary.en')}
            rows={3}
            lang="en"
          />
          <TextAreaField
            label={t('cycle_form.summary_th')}
            name="summary.th"
            problem={problem}
            value={values['summary.th']}
            onChange={set('summary.th')}
            rows={3}
            lang="th"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('cycle_form.dates_legend')}</legend>
        <div className="form-grid">
          <TextField
            label={t('cycle_form.opens')}
            name="nominations_open_on"
            type="date"
            problem={problem}
            value={values.nominations_open_on}
            onChange={set('nominations_open_on')}
          />
          <TextField
            label={t('cycle_form.closes')}
            name="nominations_close_on"
            type="date"
            problem={problem}
            value={values.nominations_close_on}
            onChange={set('nominations_close_on')}
            hint={t('cycle_form.closes_hint')}
          />
          <TextField
            label={t('cycle_form.ceremony_on')}
            name="ceremony_on"
            type="date"
            problem={problem}
            value={values.ceremony_on}
            onChange={set('ceremony_on')}
          />
        </div>
        <div className="form-grid">
          <TextField
            label={t('cycle_form.ceremony_en')}
            name="ceremony.en"
            problem={problem}
            value={values['ceremony.en']}
            onChange={set('ceremony.en')}
            lang="en"
          />
          <TextField
            label={t('cycle_form.ceremony_th')}
            name="ceremony.th"
            problem={problem}
            value={values['ceremony.th']}
            onChange={set('ceremony.th')}
            lang="th"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('cycle_form.judging_legend')}</legend>
        <DataState query={frameworks}>
          {(page) => (
            <SelectField
              label={t('cycle_form.framework')}
              name="framework"
              problem={problem}
              value={values.framework}
              onChange={set('framework')}
              hint={t('cycle_form.framework_hint')}
            >
              <option value="">{t('cycle_form.no_framework')}</option>
              {page.items.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {text(f.name)} ({f.slug})
                </option>
              ))}
            </SelectField>
          )}
        </DataState>
        <TextAreaField
          label={t('cycle_form.criteria')}
          name="criteria"
          problem={problem}
          value={values.criteria}
          onChange={set('criteria')}
          rows={4}
          hint={t('cycle_form.criteria_hint')}
        />
        <TextField
          label={t('cycle_form.source_url')}
          name="source_url"
          type="url"
          problem={problem}
          value={values.source_url}
          onChange={set('source_url')}
        />
      </fieldset>
    </>
  );
}
