import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { useDateTime, useUrlFilters } from '@/features/admin/shared';
import { useCursorPages } from '@/lib/paging';
import { adminQueries } from '@/features/admin/api';
import { asRole, ROLES } from './userForm';

function deactivatedName(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('deactivated' in state)) return null;
  return typeof state.deactivated === 'string' ? state.deactivated : null;
}

/** `/admin/users` (admin): the accounts, filtered by role and by active or deactivated, in the URL. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const dateTime = useDateTime();
  const filters = useUrlFilters();
  const role = asRole(filters.get('role'));
  const activeParam = filters.get('active');
  const active = activeParam === 'true' ? true : activeParam === 'false' ? false : undefined;
  const pages = useCursorPages(`${role}|${active}`);
  const justDeactivated = deactivatedName(useLocation().state);
  const query = useQuery(adminQueries.userList({ role, active, limit: 50, cursor: pages.cursor }));
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <p className="actions">
        <Link className="button primary" to="/admin/users/new">
          {t('users.new')}
        </Link>
      </p>
      {justDeactivated && (
        <p className="alert alert-ok" role="status">
          {t('users.deactivated_done', { name: justDeactivated })}
        </p>
      )}
      <div className="filters">
        <label>
          {t('user.fields.role')}
          <select value={role ?? ''} onChange={(e) => filters.set({ role: e.target.value })}>
            <option value="">{t('users.all_roles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.state')}
          <select value={activeParam} onChange={(e) => filters.set({ active: e.target.value })}>
            <option value="">{t('all')}</option>
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.deactivated')}</option>
          </select>
        </label>
      </div>
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('users.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('users.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('user.fields.display_name')}</th>
                      <th scope="col">{t('user.fields.email')}</th>
                      <th scope="col">{t('user.fields.role')}</th>
                      <th scope="col">{t('user.fields.city')}</th>
                      <th scope="col">{t('users.state')}</th>
                      <th scope="col">{t('users.created')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((u) => (
                      <tr key={u.id}>
                        <th scope="row">
                          <Link to={`/admin/users/${u.id}`}>{u.display_name}</Link>
                        </th>
                        <td>{u.email}</td>
                        <td>{t(`role.${u.role}`)}</td>
                        <td>{u.city ?? ''}</td>
                        <td>{u.active ? t('users.active') : <span className="badge">{t('users.deactivated')}</span>}</td>
                        <td>{dateTime(u.created_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              shown={page.items.length}
              total={page.total}
              hasPrevious={pages.hasPrevious}
              hasNext={!!page.next_cursor}
              onPrevious={pages.previous}
              onNext={() => page.next_cursor && pages.next(page.next_cursor)}
            />
          </>
        )}
      </DataState>
    </>
  );
}
