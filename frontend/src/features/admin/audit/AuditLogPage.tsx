import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { localToRfc3339, rfc3339ToLocal, useDateTime, useUrlFilters } from '@/features/admin/shared';
import { useCursorPages } from '@/lib/paging';
import { adminQueries } from '@/features/admin/api';
import { changes, readable, textField } from './auditRecord';

type AuditEntry = components['schemas']['AuditEntry'];

/** The kinds of records the audit log names, and the actions on them (manual, docs/src/accounts.md "The audit log"). */
const ENTITIES = [
  'city',
  'network',
  'membership',
  'user',
  'api_key',
  'award_cycle',
  'nomination',
  'evaluation',
  'conflict',
  'monitoring_round',
  'framework',
  'network_census',
  'organisation',
  'import',
];
const ACTIONS = [
  'create',
  'update',
  'archive',
  'restore',
  'deactivate',
  'reactivate',
  'revoke',
  'open',
  'judging',
  'closed',
  'published',
  'withdraw',
  'decide',
  'assign',
  'score',
  'submit',
  'recuse',
  'return',
  'finalise',
  'declare',
  'publish',
  'new_version',
  'import',
];
const FILTERS = ['entity', 'entity_id', 'actor', 'action', 'since', 'until'] as const;
type Filter = (typeof FILTERS)[number];

/** Where the admin pages show the record an entry is about, when they have a page for it. */
function recordLink(entry: AuditEntry): string | null {
  const record = entry.after ?? entry.before;
  switch (entry.entity) {
    case 'city': {
      const slug = textField(record, 'slug');
      return slug && entry.action !== 'archive' ? `/admin/cities/${slug}` : null;
    }
    case 'network': {
      const slug = textField(record, 'slug');
      return slug && entry.action !== 'archive' ? `/admin/networks/${slug}` : null;
    }
    case 'membership':
      return entry.action !== 'archive' ? `/admin/memberships/${entry.entity_id}` : null;
    case 'user':
      return `/admin/users/${entry.entity_id}`;
    default:
      return null;
  }
}

/** `/admin/audit` (admin): every recorded write, newest first, filtered in the URL, with before and after. */
export function AuditLogPage() {
  const { t } = useTranslation('admin');
  const dateTime = useDateTime();
  const filters = useUrlFilters();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, filters.get(f)])) as Record<Filter, string>;
  const [form, setForm] = useState(applied);
  const [shown, setShown] = useState(applied);
  if (FILTERS.some((f) => shown[f] !== applied[f])) {
    setShown(applied);
    setForm(applied);
  }
  const pages = useCursorPages(JSON.stringify(applied));
  const query = useQuery(
    adminQueries.audit({
      ...Object.fromEntries(FILTERS.filter((f) => applied[f]).map((f) => [f, applied[f]])),
      limit: 50,
      cursor: pages.cursor,
    }),
  );
  const set = (field: Filter, value: string) => setForm((f) => ({ ...f, [field]: value }));

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <form
        className="filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          filters.set(Object.fromEntries(FILTERS.map((f) => [f, form[f].trim()])));
        }}
      >
        <label>
          {t('audit.col.entity')}
          <select value={form.entity} onChange={(e) => set('entity', e.target.value)}>
            <option value="">{t('all')}</option>
            {ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {t(`audit.entity.${entity}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.col.entity_id')}
          <input value={form.entity_id} onChange={(e) => set('entity_id', e.target.value)} />
        </label>
        <label>
          {t('audit.col.actor')}
          <input type="email" value={form.actor} onChange={(e) => set('actor', e.target.value)} />
        </label>
        <label>
          {t('audit.col.action')}
          <select value={form.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('all')}</option>
            {form.action && !ACTIONS.includes(form.action) && <option value={form.action}>{form.action}</option>}
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`audit.action.${action}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.since')}
          <input type="datetime-local" value={rfc3339ToLocal(form.since)} onChange={(e) => set('since', localToRfc3339(e.target.value))} />
        </label>
        <label>
          {t('audit.until')}
          <input type="datetime-local" value={rfc3339ToLocal(form.until)} onChange={(e) => set('until', localToRfc3339(e.target.value))} />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {t('audit.apply')}
          </button>
          <button type="button" onClick={() => filters.set(Object.fromEntries(FILTERS.map((f) => [f, ''])))}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('audit.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data audit-table">
                  <caption className="visually-hidden">{t('audit.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.col.at')}</th>
                      <th scope="col">{t('audit.col.actor')}</th>
                      <th scope="col">{t('audit.col.action')}</th>
                      <th scope="col">{t('audit.col.entity')}</th>
                      <th scope="col">{t('audit.col.changes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((entry) => {
                      const link = recordLink(entry);
                      return (
                        <tr key={entry.id}>
                          <th scope="row">{dateTime(entry.at)}</th>
                          <td>{entry.actor}</td>
                          <td>{t(`audit.action.${entry.action}`, { defaultValue: entry.action })}</td>
                          <td>
                            {t(`audit.entity.${entry.entity}`, { defaultValue: entry.entity })}{' '}
                            {link ? <Link to={link}>{entry.entity_id}</Link> : <code>{entry.entity_id}</code>}
                          </td>
                          <td>
                            <EntryChanges entry={entry} />
                          </td>
                        </tr>
                      );
                    })}
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

/** The fields an entry changed, before and after, folded away until asked for. */
function EntryChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const diff = changes(entry.before, entry.after);
  if (diff.length === 0) return <span className="muted">{t('audit.no_changes')}</span>;
  return (
    <details>
      <summary>{t('audit.changed_fields', { count: diff.length })}</summary>
      <table className="data audit-diff">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.map((c) => (
            <tr key={c.field}>
              <th scope="row">
                <code>{c.field || t('audit.record')}</code>
              </th>
              <td>
                <Value value={c.before} />
              </td>
              <td>
                <Value value={c.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** One recorded value: absent, empty (null) or its readable text. */
function Value({ value }: { value: unknown }) {
  const { t } = useTranslation('admin');
  if (value === undefined) return <span className="muted">{t('audit.absent')}</span>;
  if (value === null || value === '') return <span className="muted">{t('audit.empty')}</span>;
  return <span className="json">{readable(value)}</span>;
}
