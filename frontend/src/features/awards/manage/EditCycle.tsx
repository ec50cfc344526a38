import { useCallback, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { useLocalized } from '@/i18n/localized';
import { awardsApi, awardsKeys } from '@/features/awards/api';
import { Refusal } from '@/components/Refusal';
import { CycleFields } from './CycleFields';
import { CYCLE_FIELD_LABELS, cyclePatch, valuesOf, type CycleInput, type CycleValues } from './cycleForm';
import type { Cycle } from './model';

/**
 * Edits a cycle's texts, dates, criteria, source and framework: a merge patch of the changed
 * fields sent with `If-Match`. A 412 (someone saved meanwhile) shows what differs and lets the user
 * re-apply their changes to the current version or discard them (the shared stale-edit handling).
 */
export function EditCycle({ id }: { id: number }) {
  const { t } = useTranslation('manage');
  const { text } = useLocalized();
  const load = useCallback(() => awardsApi.loadCycle(id), [id]);
  const save = useCallback((patch: CycleInput, etag: string | null) => awardsApi.saveCycle(id, patch, etag), [id]);
  const edit = useSafeEdit<Cycle, CycleValues, CycleInput>({
    queryKey: awardsKeys.versionedCycle(id),
    load,
    save,
    toValues: valuesOf,
    toPatch: cyclePatch,
    invalidate: [awardsKeys.cycles()],
  });
  return (
    <DataState query={edit.state}>
      {({ record, values }) => {
        if (record.status === 'published') {
          return <p className="alert alert-warning">{t('edit_cycle.published')}</p>;
        }
        const submit = (e: FormEvent) => {
          e.preventDefault();
          void edit.save();
        };
        return (
          <form className="form manage-form" onSubmit={submit} noValidate>
            <p className="muted">
              {t('edit_cycle.fixed', {
                programme: record.programme,
                year: record.year,
                categories: record.categories.map((cat) => text(cat.name)).join(', ') || t('cycle.none'),
              })}
            </p>
            <StaleEditNotice edit={edit} label={(field) => t(CYCLE_FIELD_LABELS[field])} showProblem={false} />
            <CycleFields values={values} setValue={edit.setValue} problem={edit.problem} />
            <Refusal error={edit.problem} />
            <div className="actions">
              <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
                {edit.saving ? t('actions.saving') : t('edit_cycle.submit')}
              </button>
              {edit.dirty && <span className="muted">{t('edit_cycle.unsaved', { n: edit.changedFields.length })}</span>}
            </div>
          </form>
        );
      }}
    </DataState>
  );
}
