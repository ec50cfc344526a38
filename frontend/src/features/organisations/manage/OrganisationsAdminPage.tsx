import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { useLocalized } from '@/i18n/localized';
import { useCursorPages } from '@/lib/paging';
import {
  ArchivedRecords,
  SearchBox,
  archivedName,
  recordName,
  textField,
  useDateTime,
  useStaffRights,
  useUrlFilters,
} from '@/features/admin';
import { organisationsKeys, organisationsQueries } from '../api';
import { KINDS, pickAbbreviation } from '../model';
import { organisationsApi } from './api';
import { isKind } from './organisationForm';

/** `/admin/organisations`: the organisations (search, kind), new ones, and (admin) the archived ones to restore. */
export function OrganisationsAdminPage() {
  const { t } = useTranslation(['organisations', 'admin']);
  const { text, language } = useLocalized();
  const dateTime = useDateTime();
  const { admin } = useStaffRights();
  const justArchived = archivedName(useLocation().state);
  const filters = useUrlFilters();
  const q = filters.get('q');
  const kindText = filters.get('kind');
  const kind = isKind(kindText) ? kindText : undefined;
  const pages = useCursorPages(`${q}|${kind}`);
  const query = useQuery(organisationsQueries.list({ q: q || undefined, kind, limit: 50, cursor: pages.cursor }));

  return (
    <>
      <PageTitle>{t('manage.list_title')}</PageTitle>
      <p className="actions">
        <Link className="button primary" to="/admin/organisations/new">
          {t('manage.new')}
        </Link>
      </p>
      {justArchived && (
        <p className="alert alert-ok" role="status">
          {t('manage.archived_done', { name: justArchived })}
        </p>
      )}
      <div className="filters">
        <SearchBox label={t('manage.search')} value={q} onSearch={(value) => filters.set({ q: value })} />
        <label>
          {t('facts.kind')}
          <select value={kind ?? ''} onChange={(e) => filters.set({ kind: e.target.value })}>
            <option value="">{t('all', { ns: 'admin' })}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('manage.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('list.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('facts.name')}</th>
                      <th scope="col">{t('facts.abbreviation')}</th>
                      <th scope="col">{t('manage.fields.slug')}</th>
                      <th scope="col">{t('facts.kind')}</th>
                      <th scope="col" className="num">
                        {t('manage.col.roles')}
                      </th>
                      <th scope="col">{t('cities.col.updated_at', { ns: 'admin' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((o) => (
                      <tr key={o.id}>
                        <th scope="row">
                          <Link to={`/admin/organisations/${encodeURIComponent(o.slug)}`}>{text(o.name)}</Link>
                        </th>
                        <td>{pickAbbreviation(o.abbreviation, language)}</td>
                        <td>
                          <code>{o.slug}</code>
                        </td>
                        <td>{t(`kind.${o.kind}`)}</td>
                        <td className="num">{o.roles.length}</td>
                        <td>{dateTime(o.updated_at)}</td>
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
        <section aria-labelledby="archived-organisations">
          <h2 id="archived-organisations">{t('manage.archived')}</h2>
          <ArchivedRecords
            entity="organisation"
            describe={(record) => {
              const name = recordName(record);
              return `${name ? text(name) : ''} (${textField(record, 'slug') ?? '?'})`;
            }}
            restore={(record) => organisationsApi.restore(textField(record, 'slug') ?? '')}
            invalidate={[organisationsKeys.all]}
          />
        </section>
      )}
    </>
  );
}
