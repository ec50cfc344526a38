import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { SearchBox, archivedName, useUrlFilters } from '@/features/admin';
import { useLocalized } from '@/i18n/localized';
import { oneOf } from '@/lib/choices';
import { useCursorPages } from '@/lib/paging';
import { eventsQueries } from '../api';
import { useEventDates } from '../EventDates';
import { TypeLabel } from '../EventList';
import { TYPES, eventPath, type Event, type EventStatus } from '../model';
import { ProposalActions } from './ProposalActions';

/** `/admin/events`: the proposals of the cities to publish or return, those returned, and the published events to edit. */
export function EventsAdminPage() {
  const { t } = useTranslation(['events', 'admin']);
  const justArchived = archivedName(useLocation().state);
  return (
    <>
      <PageTitle>{t('manage.list_title')}</PageTitle>
      <p>{t('manage.list_intro')}</p>
      <p className="actions">
        <Link className="button primary" to="/admin/events/new">
          {t('manage.new')}
        </Link>
      </p>
      {justArchived && (
        <p className="alert alert-ok" role="status">
          {t('manage.archived_done', { name: justArchived })}
        </p>
      )}
      <section aria-labelledby="events-proposed">
        <h2 id="events-proposed">{t('manage.proposed_heading')}</h2>
        <Proposals status="proposed" />
      </section>
      <section aria-labelledby="events-returned">
        <h2 id="events-returned">{t('manage.returned_heading')}</h2>
        <Proposals status="returned" />
      </section>
      <section aria-labelledby="events-published">
        <h2 id="events-published">{t('manage.published_heading')}</h2>
        <PublishedEvents />
      </section>
    </>
  );
}

/** The cities' proposals of one status (first 200), with the decision on each waiting one. */
function Proposals({ status }: { status: Exclude<EventStatus, 'published'> }) {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  const { days } = useEventDates();
  const query = useQuery(eventsQueries.list({ status, sort: 'start', limit: 200 }));
  return (
    <DataState query={query}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t(`manage.none_${status}`)}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t(`manage.${status}_heading`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('manage.col.event')}</th>
                  <th scope="col">{t('facts.date')}</th>
                  <th scope="col">{t('manage.col.cities')}</th>
                  <th scope="col">{status === 'proposed' ? t('manage.col.decision') : t('manage.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((event: Event) => (
                  <tr key={event.id}>
                    <th scope="row">
                      <Link to={`/admin/events/${encodeURIComponent(event.slug)}`}>{text(event.title)}</Link>
                    </th>
                    <td>{days(event.when)}</td>
                    <td>{event.cities.map((c) => text(c.name)).join(', ') || text(event.venue?.city?.name)}</td>
                    <td>{status === 'proposed' ? <ProposalActions event={event} etag={null} /> : event.review_note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </DataState>
  );
}

/** The published events: a title search and a type filter in the URL, each event linked to its editor. */
function PublishedEvents() {
  const { t } = useTranslation(['events', 'admin']);
  const { text } = useLocalized();
  const { days } = useEventDates();
  const filters = useUrlFilters();
  const q = filters.get('q');
  const type = oneOf(filters.get('type'), TYPES);
  const pages = useCursorPages(`${q}|${type}`);
  const query = useQuery(eventsQueries.list({ q: q || undefined, type, limit: 50, cursor: pages.cursor }));
  return (
    <>
      <div className="filters">
        <SearchBox label={t('manage.search')} value={q} onSearch={(value) => filters.set({ q: value })} />
        <label>
          {t('facts.type')}
          <select value={type ?? ''} onChange={(e) => filters.set({ type: e.target.value })}>
            <option value="">{t('all', { ns: 'admin' })}</option>
            {TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`type.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataState query={query}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p>{t('manage.none_published')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('manage.published_heading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('manage.col.event')}</th>
                      <th scope="col">{t('facts.date')}</th>
                      <th scope="col">{t('facts.type')}</th>
                      <th scope="col">{t('manage.col.public')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((event) => (
                      <tr key={event.id}>
                        <th scope="row">
                          <Link to={`/admin/events/${encodeURIComponent(event.slug)}`}>{text(event.title)}</Link>
                        </th>
                        <td>{days(event.when)}</td>
                        <td>
                          <TypeLabel type={event.type} />
                        </td>
                        <td>
                          <Link to={eventPath(event.slug)} aria-label={t('manage.public_page', { name: text(event.title) })}>
                            {t('manage.col.public')}
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
    </>
  );
}
