import { useCallback } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { useDateTime } from '@/features/admin/shared';
import { citiesKeys } from '@/features/cities';
import { networksKeys } from '@/features/networks';
import { adminApi, adminKeys } from '@/features/admin/api';
import { showFormValue } from '@/features/admin/SourcesEditor';
import { MembershipFields, membershipLabel } from './MembershipFields';
import { membershipPatch, membershipValues, type Membership, type MembershipInput, type MembershipValues } from './membershipForm';

/** `/admin/memberships/:id`: edit one membership safely (If-Match), or archive it. */
export function MembershipEditPage() {
  const { id = '' } = useParams();
  return <MembershipEditor key={id} id={Number(id)} />;
}

function MembershipEditor({ id }: { id: number }) {
  const { t } = useTranslation('admin');
  const dateTime = useDateTime();
  const navigate = useNavigate();
  const location = useLocation();
  const load = useCallback(() => adminApi.loadMembership(id), [id]);
  const save = useCallback((patch: MembershipInput, etag: string | null) => adminApi.saveMembership(id, patch, etag), [id]);
  const edit = useSafeEdit<Membership, MembershipValues, MembershipInput>({
    queryKey: adminKeys.membership(id),
    load,
    save,
    toValues: membershipValues,
    toPatch: membershipPatch,
    invalidate: [adminKeys.memberships(), citiesKeys.details(), networksKeys.all],
  });
  const m = edit.record;
  const title = m ? t('membership.edit_title', { city: m.city, network: m.network }) : t('membership.edit_title_id', { id });
  const created = typeof location.state === 'object' && location.state !== null && 'created' in location.state;

  return (
    <>
      <PageTitle>{title}</PageTitle>
      {created && (
        <p className="alert alert-ok" role="status">
          {t('membership.created')}
        </p>
      )}
      <DataState query={edit.state}>
        {({ record, values }) => (
          <>
            <dl className="facts">
              <dt>{membershipLabel(t, 'city')}</dt>
              <dd>
                <Link to={`/admin/cities/${record.city}`}>{record.city}</Link>
              </dd>
              <dt>{membershipLabel(t, 'network')}</dt>
              <dd>
                <Link to={`/admin/memberships?network=${encodeURIComponent(record.network)}`}>{record.network}</Link>
              </dd>
              <dt>{t('cities.col.updated_at')}</dt>
              <dd>{dateTime(record.updated_at)}</dd>
            </dl>
            <p className="muted">{t('membership.fixed')}</p>
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void edit.save();
              }}
            >
              <StaleEditNotice
                edit={edit}
                label={(field) => membershipLabel(t, field)}
                format={(field, value) => showFormValue(t, field, value)}
                removeLabel={t('membership.archive_current')}
              />
              <MembershipFields values={values} setValue={edit.setValue} problem={edit.problem} />
              <div className="actions">
                <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
                  {edit.saving ? t('saving') : t('save')}
                </button>
                {edit.dirty && <span className="muted">{t('unsaved_fields', { count: edit.changedFields.length })}</span>}
                <ConfirmAction
                  label={t('membership.archive')}
                  question={t('membership.archive_question', { city: record.city, network: record.network })}
                  confirmLabel={t('membership.archive_confirm')}
                  disabled={edit.saving}
                  onConfirm={() =>
                    edit.remove(
                      (etag) => adminApi.archiveMembership(id, etag),
                      () =>
                        navigate(`/admin/memberships?network=${encodeURIComponent(record.network)}`, {
                          state: { archived: t('memberships.describe', { city: record.city, network: record.network }) },
                        }),
                    )
                  }
                />
              </div>
            </form>
          </>
        )}
      </DataState>
    </>
  );
}
