import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { useLocalized } from '@/i18n/localized';
import { ArchivedRecords } from '@/features/admin/ArchivedRecords';
import { recordName, textField } from '@/features/admin/audit/auditRecord';
import { SearchBox } from '@/features/admin/SearchBox';
import { archivedName, useDateTime, useStaffRights, useUrlFilters } from '@/features/admin/shared';
import { useCursorPages } from '@/lib/paging';
import { networksKeys, networksQueries } from '@/features/networks';
import { adminApi } from '@/features/admin/api';
import { NETWORK_SCOPES, NETWORK_STATUSES, type NetworkScope, type NetworkStatus } from './networkForm';

function asScope(value: string): NetworkScope | undefined {
  return NETWORK_SCOPES.find((s) => s === value);
}

function asStatus(value: string): NetworkStatus | undefined {
  return NETWORK_STATUSES.find((s) => s === value);
}

/** `/admin/networks`: the networks (search, scope, status), new ones, and (admin) the archived ones to restore. */
export function NetworksAdminPage() {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const dateTime = useDateTime();
  const { admin } = useStaffRights();
  const justArchived = archivedName(useLocation().state);
  const filters = useUrlFilters();
  const q = filters.get('q');
  const scope = asScope(filters.get('scope'));
  const status = asStatus(filters.get('status'));
  const pages = useCursorPages(`${q}|${scope}|${status}`);
  const query = useQuery(networksQueries.list({ q: q || undefined, scope, status, limit: 50, cursor: pages.cursor }));

  return (
    <>
      <PageTitle>{t('networks.title')}</PageTitle>
      <p className="actions">
        <Link className="button primary" to="/admin/networks/new">
          {t('networks.new')}
        </Link>
      </p>
      {justArchived && (
        <p className="alert alert-ok" role="status">
          {t('networks.archived_done', { name: justArchived })}
        </p>
      )}
      <div className="filters">
        <SearchBox label={t('networks.search')} value={q} onSearch={(value) => filters.set({ q: value })} />
        <label>
          {t('network.fields.scope')}
          <select value={scope ?? ''} onChange={(e) => filters.set({ scope: e.target.value })}>
            <option value="">{t('all')}</option>
            {NETWORK_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`network.scope.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('network.fields.status')}
          <select value={status ?? ''} onChange={(e) => filters.set({ status: e.target.value })}>
            <option value="">{t('all')}</option>
            {NETWORK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`network.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('networks.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('networks.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('network.fields.name_en')}</th>
                      <th scope="col">{t('network.fields.slug')}</th>
                      <th scope="col">{t('network.fields.scope')}</th>
                      <th scope="col">{t('network.fields.status')}</th>
                      <th scope="col" className="num">
                        {t('networks.col.members')}
                      </th>
                      <th scope="col">{t('cities.col.updated_at')}</th>
                      <th scope="col">{t('networks.col.memberships')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((n) => (
                      <tr key={n.id}>
                        <th scope="row">
                          <Link to={`/admin/networks/${n.slug}`}>{text(n.name)}</Link>
                        </th>
                        <td>
                          <code>{n.slug}</code>
                        </td>
                        <td>{t(`network.scope.${n.scope}`)}</td>
                        <td>{t(`network.status.${n.status}`)}</td>
                        <td className="num">{n.member_count}</td>
                        <td>{dateTime(n.updated_at)}</td>
                        <td>
                          <Link
                            to={`/admin/memberships?network=${encodeURIComponent(n.slug)}`}
                            aria-label={t('networks.members_of', { name: text(n.name) })}
                          >
                            {t('networks.members')}
                          </Link>
                        </td>
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
      {admin && (
        <section aria-labelledby="archived-networks">
          <h2 id="archived-networks">{t('networks.archived')}</h2>
          <ArchivedRecords
            entity="network"
            describe={(record) => {
              const name = recordName(record);
              return `${name ? text(name) : ''} (${textField(record, 'slug') ?? '?'})`;
            }}
            restore={(record) => adminApi.restoreNetwork(textField(record, 'slug') ?? '')}
            invalidate={[networksKeys.all]}
          />
        </section>
      )}
    </>
  );
}
