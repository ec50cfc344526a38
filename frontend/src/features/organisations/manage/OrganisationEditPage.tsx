import { useCallback, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Answer } from '@/api/client';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { useLocalized } from '@/i18n/localized';
import { showFormValue } from '@/features/admin';
import { organisationsKeys } from '../api';
import type { Organisation } from '../model';
import { organisationsApi } from './api';
import { OrganisationFields, organisationLabel } from './OrganisationFields';
import { organisationPatch, organisationValues, type OrganisationInput, type OrganisationValues } from './organisationForm';
import { RolesEditor } from './RolesEditor';

function isCreated(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'created' in state;
}

/**
 * `/admin/organisations/:slug`: edit an organisation safely (If-Match), archive it, and add and
 * remove its roles. A role write changes the organisation's version: the editor starts again from
 * the organisation that write answered, with its new ETag.
 */
export function OrganisationEditPage() {
  const { slug = '' } = useParams();
  const [generation, setGeneration] = useState(0);
  const seed = useRef<Answer<Organisation> | null>(null);
  return (
    <OrganisationEditor
      key={`${slug}/${generation}`}
      slug={slug}
      generation={generation}
      seed={seed}
      onRolesChanged={(changed) => {
        seed.current = changed;
        setGeneration((g) => g + 1);
      }}
    />
  );
}

interface EditorProps {
  slug: string;
  generation: number;
  /** The organisation a role write answered, read once instead of loading it again. */
  seed: { current: Answer<Organisation> | null };
  onRolesChanged(changed: Answer<Organisation>): void;
}

function OrganisationEditor({ slug, generation, seed, onRolesChanged }: EditorProps) {
  const { t } = useTranslation(['organisations', 'admin']);
  const { text } = useLocalized();
  const navigate = useNavigate();
  const location = useLocation();
  const load = useCallback(() => {
    const answered = seed.current;
    seed.current = null;
    return answered ? Promise.resolve(answered) : organisationsApi.load(slug);
  }, [slug, seed]);
  const save = useCallback(
    (patch: OrganisationInput, etag: string | null) => organisationsApi.save(slug, patch, etag),
    [slug],
  );
  const edit = useSafeEdit<Organisation, OrganisationValues, OrganisationInput>({
    // Each generation is loaded afresh, not taken from the cache of the one before.
    queryKey: [...organisationsKeys.detail(slug), generation],
    load,
    save,
    toValues: organisationValues,
    toPatch: organisationPatch,
    invalidate: [organisationsKeys.all],
    onSaved: (saved) => {
      if (saved.slug !== slug) navigate(`/admin/organisations/${encodeURIComponent(saved.slug)}`, { replace: true });
    },
  });
  const name = edit.record ? text(edit.record.name) : slug;
  const publicPath = `/organisations/${encodeURIComponent(slug)}`;

  return (
    <>
      <PageTitle>{t('manage.edit_title', { name })}</PageTitle>
      <p>
        <Link to="/admin/organisations">{t('manage.back')}</Link>
      </p>
      {isCreated(location.state) && generation === 0 && (
        <p className="alert alert-ok" role="status">
          {t('manage.created')} <Link to={publicPath}>{t('manage.public_page', { name })}</Link>
        </p>
      )}
      <DataState query={edit.state}>
        {({ record, values, etag }) => (
          <>
            <form
              className="form manage-form"
              onSubmit={(e) => {
                e.preventDefault();
                void edit.save();
              }}
            >
              <p>
                <Link to={`/organisations/${encodeURIComponent(record.slug)}`}>
                  {t('manage.public_page', { name: text(record.name) })}
                </Link>
              </p>
              <StaleEditNotice
                edit={edit}
                label={(field) => organisationLabel(t, field)}
                format={(field, value) => showFormValue(t, field, value)}
                removeLabel={t('manage.archive_current')}
              />
              <OrganisationFields values={values} setValue={edit.setValue} problem={edit.problem} />
              <div className="actions">
                <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
                  {edit.saving ? t('saving', { ns: 'admin' }) : t('save', { ns: 'admin' })}
                </button>
                {edit.dirty && (
                  <span className="muted">{t('unsaved_fields', { ns: 'admin', count: edit.changedFields.length })}</span>
                )}
                <ConfirmAction
                  label={t('manage.archive')}
                  question={t('manage.archive_question', { name: text(record.name) })}
                  confirmLabel={t('manage.archive_confirm')}
                  disabled={edit.saving}
                  onConfirm={() =>
                    edit.remove(
                      (currentEtag) => organisationsApi.archive(slug, currentEtag),
                      () => navigate('/admin/organisations', { state: { archived: text(record.name) } }),
                    )
                  }
                />
              </div>
            </form>
            <RolesEditor organisation={record} etag={etag} locked={edit.dirty || edit.saving} onChanged={onRolesChanged} />
          </>
        )}
      </DataState>
    </>
  );
}
