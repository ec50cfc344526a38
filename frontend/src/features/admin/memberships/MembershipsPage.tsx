import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized, type LocalizedText } from '@/i18n/localized';
import { ArchivedRecords } from '@/features/admin/ArchivedRecords';
import { field, textField } from '@/features/admin/audit/auditRecord';
import { CitySlugField } from '@/components/CityPicker';
import { archivedName, useStaffRights, useUrlFilters } from '@/features/admin/shared';
import { useCursorPages } from '@/lib/paging';
import { citiesKeys, citiesQueries } from '@/features/cities';
import { networksKeys, networksQueries } from '@/features/networks';
import { adminApi, adminKeys, adminQueries } from '@/features/admin/api';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES } from './membershipForm';

/**
 * `/admin/memberships`: the memberships of one network (`?network=`, with role and status
 * filters) or of one city (`?city=`), each to edit or archive; new ones; (admin) archived ones.
 */
export function MembershipsPage() {
  const { t } = useTranslation('admin');
  const { admin } = useStaffRights();
  const filters = useUrlFilters();
  const network = filters.get('network');
  const city = filters.get('city');
  const justArchived = archivedName(useLocation().state);
  const networks = useQuery({ ...networksQueries.everyNetwork(), select: (page) => page.items });
  const { text } = useLocalized();
  const [cityTyped, setCityTyped] = useState(city);
  const addLink = `/admin/memberships/new?${new URLSearchParams({ ...(network && { network }), ...(city && { city }) }).toString()}`;

  return (
    <>
      <PageTitle>{t('memberships.title')}</PageTitle>
      <p>{t('memberships.intro')}</p>
      {justArchived && (
        <p className="alert alert-ok" role="status">
          {t('memberships.archived_done', { name: justArchived })}
        </p>
      )}
      <div className="filters">
        <label>
          {t('memberships.by_network')}
          <select value={network} onChange={(e) => filters.set({ network: e.target.value, city: '', role: '', status: '' })}>
            <option value="">{t('memberships.choose_network')}</option>
            {(networks.data ?? []).map((n) => (
              <option key={n.slug} value={n.slug}>
                {text(n.name)}
              </option>
            ))}
          </select>
        </label>
        <form
          className="search-box"
          onSubmit={(e) => {
            e.preventDefault();
            filters.set({ city: cityTyped.trim(), network: '', role: '', status: '' });
          }}
        >
          <CitySlugField label={t('memberships.by_city')} name="city" value={cityTyped} onChange={setCityTyped} />
          <button type="submit">{t('memberships.show_city')}</button>
        </form>
      </div>
      <ProblemAlert error={networks.error} />
      <p className="actions">
        <Link className="button primary" to={addLink}>
          {t('memberships.add')}
        </Link>
      </p>
      {network && (
        <NetworkMembers network={network} name={networks.data?.find((n) => n.slug === network)?.name ?? { en: network }} />
      )}
      {!network && city && <CityMemberships city={city} />}
      {!network && !city && <p className="muted">{t('memberships.choose')}</p>}
      {admin && (
        <section aria-labelledby="archived-memberships">
          <h2 id="archived-memberships">{t('memberships.archived')}</h2>
          <ArchivedRecords
            entity="membership"
            describe={(record) =>
              t('memberships.describe', { city: textField(record, 'city') ?? '?', network: textField(record, 'network') ?? '?' })
            }
            restore={(record) => adminApi.restoreMembership(Number(field(record, 'id')))}
            invalidate={[adminKeys.memberships(), citiesKeys.details(), networksKeys.all]}
          />
        </section>
      )}
    </>
  );
}

function NetworkMembers({ network, name }: { network: string; name: LocalizedText }) {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const filters = useUrlFilters();
  const role = MEMBERSHIP_ROLES.find((r) => r === filters.get('role'));
  const status = MEMBERSHIP_STATUSES.find((s) => s === filters.get('status'));
  const pages = useCursorPages(`${network}|${role}|${status}`);
  const query = useQuery(adminQueries.members(network, { role, status, limit: 50, cursor: pages.cursor }));
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('memberships.of_network', { network: text(name) })}</h2>
      <div className="filters">
        <label>
          {t('membership.fields.role')}
          <select value={role ?? ''} onChange={(e) => filters.set({ role: e.target.value })}>
            <option value="">{t('all')}</option>
            {MEMBERSHIP_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`membership.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('membership.fields.status')}
          <select value={status ?? ''} onChange={(e) => filters.set({ status: e.target.value })}>
            <option value="">{t('all')}</option>
            {MEMBERSHIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`membership.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('memberships.none')}</p>
            ) : (
              <MembershipTable
                rows={page.items.map((m) => ({
                  id: m.membership_id,
                  subject: <Link to={`/admin/cities/${m.city.slug}`}>{text(m.city.name)}</Link>,
                  subjectName: text(m.city.name),
                  role: m.role,
                  status: m.status,
                  joined: m.joined_on ?? (m.joined_year ? String(m.joined_year) : ''),
                  left: m.left_year ? String(m.left_year) : '',
                  source: m.source_url ?? null,
                }))}
                subjectHeader={t('membership.fields.city')}
              />
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
    </section>
  );
}

function CityMemberships({ city }: { city: string }) {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const query = useQuery(citiesQueries.detail(city));
  return (
    <section aria-labelledby="city-memberships-heading">
      <DataState query={query}>
        {(data) => (
          <>
            <h2 id="city-memberships-heading">{t('memberships.of_city', { city: text(data.name) })}</h2>
            {data.memberships.length === 0 ? (
              <p>{t('memberships.none')}</p>
            ) : (
              <MembershipTable
                rows={data.memberships.map((m) => ({
                  id: m.id,
                  subject: <Link to={`/admin/networks/${m.network}`}>{text(m.network_name)}</Link>,
                  subjectName: text(m.network_name),
                  role: m.role,
                  status: m.status,
                  joined: m.joined_on ?? (m.joined_year ? String(m.joined_year) : ''),
                  left: m.left_year ? String(m.left_year) : '',
                  source: m.source_url ?? null,
                }))}
                subjectHeader={t('membership.fields.network')}
              />
            )}
          </>
        )}
      </DataState>
    </section>
  );
}

interface Row {
  id: number;
  subject: ReactNode;
  subjectName: string;
  role: string;
  status: string;
  joined: string;
  left: string;
  source: string | null;
}

function MembershipTable({ rows, subjectHeader }: { rows: Row[]; subjectHeader: string }) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{subjectHeader}</th>
            <th scope="col">{t('membership.fields.role')}</th>
            <th scope="col">{t('membership.fields.status')}</th>
            <th scope="col">{t('memberships.col.joined')}</th>
            <th scope="col">{t('membership.fields.left_year')}</th>
            <th scope="col">{t('membership.fields.source_url')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.subject}</th>
              <td>{t(`membership.role.${row.role}`, { defaultValue: row.role })}</td>
              <td>{t(`membership.status.${row.status}`, { defaultValue: row.status })}</td>
              <td>{row.joined}</td>
              <td>{row.left}</td>
              <td>{row.source && <a href={row.source}>{t('memberships.source')}</a>}</td>
              <td>
                <Link to={`/admin/memberships/${row.id}`} aria-label={t('memberships.edit_named', { name: row.subjectName })}>
                  {t('edit')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
