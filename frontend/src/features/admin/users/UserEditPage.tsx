import { useCallback } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/auth/AuthProvider';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { ConfirmAction } from '@/components/forms/ConfirmAction';
import { SelectField, TextField } from '@/components/forms/Field';
import { StaleEditNotice, useSafeEdit } from '@/components/forms/StaleEdit';
import { CitySlugField } from '@/components/CityPicker';
import { useDateTime } from '@/features/admin/shared';
import { adminApi, adminKeys } from '@/features/admin/api';
import { accountPatch, accountValues, ROLES, type Account, type AccountInput, type AccountValues } from './userForm';

/** `/admin/users/:id` (admin): change an account's name, role, city or password; deactivate or reactivate it. */
export function UserEditPage() {
  const { id = '' } = useParams();
  return <UserEditor key={id} id={Number(id)} />;
}

function UserEditor({ id }: { id: number }) {
  const { t } = useTranslation(['admin', 'forms']);
  const { user } = useAuth();
  const dateTime = useDateTime();
  const navigate = useNavigate();
  const location = useLocation();
  const load = useCallback(() => adminApi.loadUser(id), [id]);
  const save = useCallback((patch: AccountInput, etag: string | null) => adminApi.saveUser(id, patch, etag), [id]);
  const edit = useSafeEdit<Account, AccountValues, AccountInput>({
    queryKey: adminKeys.user(id),
    load,
    save,
    toValues: accountValues,
    toPatch: accountPatch,
    invalidate: [adminKeys.users()],
  });
  const own = user?.id === id;
  const created = typeof location.state === 'object' && location.state !== null && 'created' in location.state;
  const label = (field: keyof AccountValues) => t(`user.fields.${field}`);

  return (
    <>
      <PageTitle>{t('user.edit_title', { name: edit.record?.email ?? String(id) })}</PageTitle>
      <p>
        <Link to="/admin/users">{t('user.back')}</Link>
      </p>
      {created && (
        <p className="alert alert-ok" role="status">
          {t('user.created')}
        </p>
      )}
      <DataState query={edit.state}>
        {({ record, values }) => (
          <form
            className="form narrow"
            onSubmit={(e) => {
              e.preventDefault();
              void edit.save();
            }}
          >
            <dl className="facts">
              <dt>{t('user.fields.email')}</dt>
              <dd>{record.email}</dd>
              <dt>{t('users.state')}</dt>
              <dd>{record.active ? t('users.active') : t('users.deactivated')}</dd>
              <dt>{t('users.created')}</dt>
              <dd>{dateTime(record.created_at)}</dd>
            </dl>
            <StaleEditNotice
              edit={edit}
              label={label}
              format={(field, value) => {
                if (field === 'password') return value ? t('forms:value.hidden') : t('forms:value.empty');
                if (field === 'role' && typeof value === 'string') return t(`role.${value}`);
                if (typeof value === 'boolean') return value ? t('users.active') : t('users.deactivated');
                return value === '' ? t('forms:value.empty') : value;
              }}
              removeLabel={t('user.deactivate_current')}
            />
            <TextField
              label={label('display_name')}
              name="display_name"
              required
              problem={edit.problem}
              value={values.display_name}
              onChange={(e) => edit.setValue('display_name', e.target.value)}
            />
            <SelectField
              label={label('role')}
              name="role"
              problem={edit.problem}
              value={values.role}
              disabled={own}
              hint={own ? t('user.hints.own_role') : t(`role_help.${values.role}`)}
              onChange={(e) => {
                edit.setValue('role', e.target.value);
                if (e.target.value !== 'city_editor' && values.city) edit.setValue('city', '');
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </SelectField>
            {values.role === 'city_editor' && (
              <CitySlugField
                label={label('city')}
                name="city"
                value={values.city}
                onChange={(slug) => edit.setValue('city', slug)}
                problem={edit.problem}
                required
              />
            )}
            <TextField
              label={t('user.fields.new_password')}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              hint={t('user.hints.new_password')}
              problem={edit.problem}
              value={values.password}
              onChange={(e) => edit.setValue('password', e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="primary" disabled={!edit.dirty || edit.saving}>
                {edit.saving ? t('saving') : t('save')}
              </button>
              {edit.dirty && <span className="muted">{t('unsaved_fields', { count: edit.changedFields.length })}</span>}
            </div>
            <fieldset>
              <legend>{t('user.access')}</legend>
              {own ? (
                <p className="muted">{t('user.hints.own_account')}</p>
              ) : record.active ? (
                <>
                  <p>{t('user.deactivate_help')}</p>
                  <ConfirmAction
                    label={t('user.deactivate')}
                    question={t('user.deactivate_question', { name: record.display_name })}
                    confirmLabel={t('user.deactivate_confirm')}
                    disabled={edit.saving}
                    onConfirm={() =>
                      edit.remove(
                        (etag) => adminApi.deactivateUser(id, etag),
                        () => navigate('/admin/users', { state: { deactivated: record.display_name } }),
                      )
                    }
                  />
                </>
              ) : (
                <>
                  <p>{t('user.reactivate_help')}</p>
                  <button type="button" disabled={edit.saving} onClick={() => void edit.save({ active: true })}>
                    {t('user.reactivate')}
                  </button>
                </>
              )}
            </fieldset>
          </form>
        )}
      </DataState>
    </>
  );
}
