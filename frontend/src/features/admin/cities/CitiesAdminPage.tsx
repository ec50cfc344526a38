import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { archivedName, useDateTime, useStaffRights, useUrlFilters } from '@/features/admin/shared';
import { useCursorPages } from '@/lib/paging';
import { SearchBox } from '@/features/admin/SearchBox';
import { citiesKeys, citiesQueries } from '@/features/cities';
import { adminApi } from '@/features/admin/api';
import type { City } from './cityForm';

/** `/admin/cities`: search the cities (or the archived ones), open one to edit, restore archived ones. */
export function CitiesAdminPage() {
  const { t } = useTranslation('admin');
  const { admin } = useStaffRights();
  const filters = useUrlFilters();
  const q = filters.get('q');
  const archived = filters.get('archived') === 'true';
  const pages = useCursorPages(`${q}|${archived}`);
  const query = useQuery(
    citiesQueries.list({ q: q || undefined, archived: archived || undefined, limit: 50, cursor: pages.cursor }),
  );
  const { text } = useLocalized();
  const location = useLocation();
  const justArchived = archivedName(location.state);
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState<City | null>(null);
  const restore = useMutation({
    mutationFn: (slug: string) => adminApi.restoreCity(slug),
    onSuccess: (city) => {
      setRestored(city);
      void queryClient.invalidateQueries({ queryKey: citiesKeys.all });
    },
  });
  return (
    <>
      <PageTitle>{t('cities.title')}</PageTitle>
      <p className="actions">
        <Link className="button primary" to="/admin/cities/new">
          {t('cities.new')}
        </Link>
      </p>
      <div className="filters">
        <SearchBox label={t('cities.search')} value={q} onSearch={(value) => filters.set({ q: value })} />
        <label className="checkbox">
          <input type="checkbox" checked={archived} onChange={(e) => filters.set({ archived: e.target.checked ? 'true' : '' })} />
          {t('cities.archived_only')}
        </label>
      </div>
      {justArchived && (
        <p className="alert alert-ok" role="status">
          {t('cities.archived_done', { name: justArchived })}
        </p>
      )}
      {archived && !admin && <p className="muted">{t('cities.restore_admin_only')}</p>}
      <p role="status" className={restored ? 'alert alert-ok' : 'visually-hidden'}>
        {restored && (
          <>
            {t('cities.restored', { name: text(restored.name) })}{' '}
            <Link to={`/admin/cities/${restored.slug}`}>{t('cities.edit_restored')}</Link>
          </>
        )}
      </p>
      <ProblemAlert error={restore.error} />
      <DataState query={query}>
        {(page) => (
          <>
            <CityTable
              cities={page.items}
              archived={archived}
              restore={admin ? { run: (slug) => restore.mutate(slug), busy: restore.isPending } : undefined}
            />
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

interface TableProps {
  cities: City[];
  archived: boolean;
  /** Restores an archived city (admin only); undefined hides the buttons. */
  restore?: { run(slug: string): void; busy: boolean };
}

function CityTable({ cities, archived, restore }: TableProps) {
  const { t } = useTranslation('admin');
  const { text } = useLocalized();
  const dateTime = useDateTime();
  if (cities.length === 0) return <p>{archived ? t('cities.none_archived') : t('cities.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{archived ? t('cities.caption_archived') : t('cities.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cities.col.name')}</th>
            <th scope="col">{t('cities.col.slug')}</th>
            <th scope="col">{t('cities.col.country')}</th>
            <th scope="col">{t('cities.col.province')}</th>
            <th scope="col" className="num">
              {t('cities.col.memberships')}
            </th>
            <th scope="col">{archived ? t('cities.col.archived_at') : t('cities.col.updated_at')}</th>
            {archived && restore && <th scope="col">{t('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => (
            <tr key={city.id}>
              <th scope="row">
                {archived ? text(city.name) : <Link to={`/admin/cities/${city.slug}`}>{text(city.name)}</Link>}
              </th>
              <td>
                <code>{city.slug}</code>
              </td>
              <td>{city.country}</td>
              <td>{city.province ?? ''}</td>
              <td className="num">{city.memberships.length}</td>
              <td>{dateTime(archived ? city.archived_at : city.updated_at)}</td>
              {archived && restore && (
                <td>
                  <button
                    type="button"
                    disabled={restore.busy}
                    onClick={() => restore.run(city.slug)}
                    aria-label={t('cities.restore_named', { name: text(city.name) })}
                  >
                    {t('restore')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
