import { useCallback } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';
import { DataState } from '@/components/DataState';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { useLocalized } from '@/i18n/localized';
import { citiesKeys } from '@/features/cities';
import { adminApi } from '@/features/admin/api';
import { showFormValue } from '@/features/admin/SourcesEditor';
import { CityFields, cityLabel } from './CityFields';
import { cityPatch, cityValues, EDITOR_FIXED_FIELDS, type City, type CityValues } from './cityForm';
import '@/features/admin/admin.css';

/** The props of {@link CityEditor}. */
export interface CityEditorProps {
  /** The city to edit. */
  slug: string;
  /** After each save, with the saved city (its slug may have changed: move to the new address). */
  onSaved?: (city: City) => void;
  /** After the city was archived (staff only). */
  onArchived?: () => void;
}

/**
 * Edits one city: loads it with its ETag, saves only the changed fields as a JSON merge patch
 * with `If-Match`, and resolves stale edits (412) with the user. Works for admin and secretariat
 * (every field, plus archiving) and for a city editor on their own city (the slug and country are
 * shown but fixed, as the API refuses them with `forbidden_field`). Renders no heading of its
 * own: the page around it gives the `<h1>`.
 */
export function CityEditor(props: CityEditorProps) {
  return <CityEditorForm key={props.slug} {...props} />;
}

function CityEditorForm({ slug, onSaved, onArchived }: CityEditorProps) {
  const { t } = useTranslation(['admin', 'common']);
  const { hasRole } = useAuth();
  const { text } = useLocalized();
  const staff = hasRole('admin', 'secretariat');
  const load = useCallback(() => adminApi.loadCity(slug), [slug]);
  const save = useCallback(
    (patch: ReturnType<typeof cityPatch>, etag: string | null) => adminApi.saveCity(slug, patch, etag),
    [slug],
  );
  const edit = useSafeEdit<City, CityValues, ReturnType<typeof cityPatch>>({
    queryKey: citiesKeys.detail(slug),
    load,
    save,
    toValues: cityValues,
    toPatch: cityPatch,
    invalidate: [citiesKeys.all],
    onSaved,
  });
  const label = (field: keyof CityValues) => cityLabel(t, field);

  return (
    <DataState query={edit.state}>
      {({ record, values }) => (
        <form
          className="form city-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void edit.save();
          }}
        >
          <p>
            <Link to={`/cities/${record.slug}`}>{t('city.public_profile', { name: text(record.name) })}</Link>
          </p>
          <StaleEditNotice
            edit={edit}
            label={label}
            format={(field, value) => showFormValue(t, field, value)}
            removeLabel={t('city.archive_current')}
          />
          <CityFields
            values={values}
            setValue={edit.setValue}
            problem={edit.problem}
            fixed={staff ? [] : EDITOR_FIXED_FIELDS}
            fixedHint={t('city.hints.fixed_for_editor')}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
              {edit.saving ? t('saving') : t('save')}
            </button>
            {edit.dirty && <span className="muted">{t('unsaved_fields', { count: edit.changedFields.length })}</span>}
            {staff && (
              <ConfirmAction
                label={t('city.archive')}
                question={t('city.archive_question', { name: text(record.name) })}
                confirmLabel={t('city.archive_confirm')}
                disabled={edit.saving}
                onConfirm={() =>
                  edit.remove(
                    (etag) => adminApi.archiveCity(slug, etag),
                    onArchived,
                  )
                }
              />
            )}
          </div>
        </form>
      )}
    </DataState>
  );
}

export default CityEditor;
