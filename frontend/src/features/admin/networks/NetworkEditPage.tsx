import { useCallback } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { useLocalized } from '@/i18n/localized';
import { networksKeys } from '@/features/networks';
import { adminApi } from '@/features/admin/api';
import { showFormValue } from '@/features/admin/SourcesEditor';
import { NetworkFields, networkLabel } from './NetworkFields';
import { networkPatch, networkValues, type Network, type NetworkInput, type NetworkValues } from './networkForm';

/** `/admin/networks/:slug`: edit a network safely (If-Match), archive it, go to its members. */
export function NetworkEditPage() {
  const { slug = '' } = useParams();
  return <NetworkEditor key={slug} slug={slug} />;
}

function NetworkEditor({ slug }: { slug: string }) {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const navigate = useNavigate();
  const location = useLocation();
  const load = useCallback(() => adminApi.loadNetwork(slug), [slug]);
  const save = useCallback((patch: NetworkInput, etag: string | null) => adminApi.saveNetwork(slug, patch, etag), [slug]);
  const edit = useSafeEdit<Network, NetworkValues, NetworkInput>({
    queryKey: networksKeys.detail(slug),
    load,
    save,
    toValues: networkValues,
    toPatch: networkPatch,
    invalidate: [networksKeys.all],
    onSaved: (saved) => {
      if (saved.slug !== slug) navigate(`/admin/networks/${saved.slug}`, { replace: true });
    },
  });
  const name = edit.record ? text(edit.record.name) : slug;
  const created = typeof location.state === 'object' && location.state !== null && 'created' in location.state;

  return (
    <>
      <PageTitle>{t('network.edit_title', { name })}</PageTitle>
      <p>
        <Link to="/admin/networks">{t('network.back')}</Link>
      </p>
      {created && (
        <p className="alert alert-ok" role="status">
          {t('network.created')} <Link to={`/networks/${slug}`}>{t('network.public_page', { name })}</Link>
        </p>
      )}
      <DataState query={edit.state}>
        {({ record, values }) => (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void edit.save();
            }}
          >
            <p>
              <Link to={`/networks/${record.slug}`}>{t('network.public_page', { name: text(record.name) })}</Link>
              {' · '}
              <Link to={`/admin/memberships?network=${encodeURIComponent(record.slug)}`}>
                {t('network.members_count', { count: record.member_count })}
              </Link>
            </p>
            <StaleEditNotice
              edit={edit}
              label={(field) => networkLabel(t, field)}
              format={(field, value) => showFormValue(t, field, value)}
              removeLabel={t('network.archive_current')}
            />
            <NetworkFields values={values} setValue={edit.setValue} problem={edit.problem} />
            <div className="actions">
              <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
                {edit.saving ? t('saving') : t('save')}
              </button>
              {edit.dirty && <span className="muted">{t('unsaved_fields', { count: edit.changedFields.length })}</span>}
              <ConfirmAction
                label={t('network.archive')}
                question={t('network.archive_question', { name: text(record.name) })}
                confirmLabel={t('network.archive_confirm')}
                disabled={edit.saving}
                onConfirm={() =>
                  edit.remove(
                    (etag) => adminApi.archiveNetwork(slug, etag),
                    () => navigate('/admin/networks', { state: { archived: text(record.name) } }),
                  )
                }
              />
            </div>
          </form>
        )}
      </DataState>
    </>
  );
}
