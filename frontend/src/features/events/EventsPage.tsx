import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CitySlugField } from '@/components/CityPicker';
import { PageTitle } from '@/components/PageTitle';
import { Pager } from '@/components/Pager';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useLocalized } from '@/i18n/localized';
import { oneOf } from '@/lib/choices';
import { useUrlPaging } from '@/lib/paging';
import { eventsQueries } from './api';
import { EventItems } from './EventList';
import { MonthView } from './MonthView';
import { DEFAULT_ZONE, MONTH, TYPES, feedHref, timing, todayIn, type Event, type EventListQuery, type FeedFilters } from './model';
import './events.css';

/** A slug from the URL, or undefined where it could not be one (the API would refuse it). */
function slugParam(value: string | null): string | undefined {
  return value && /^[a-z0-9-]{1,100}$/.test(value) ? value : undefined;
}

/**
 * The events (`/events`): a list, upcoming first (soonest first), then past ones (latest first),
 * then those whose days are not known; or a month as a calendar. Filtered by type, series, city
 * and a title search; the filters, the month and the page are kept in the URL. The calendar feed
 * of the same filters can be subscribed to or downloaded.
 */
export default function EventsPage() {
  const { t } = useTranslation(['events', 'common']);
  const paging = useUrlPaging();
  const type = oneOf(paging.params.get('type'), TYPES);
  const series = slugParam(paging.params.get('series'));
  const city = slugParam(paging.params.get('city'));
  const q = paging.params.get('q')?.trim() ?? '';
  const monthParam = paging.params.get('month') ?? '';
  const month = MONTH.test(monthParam) ? monthParam : undefined;
  const filters: FeedFilters = { type, series, city, q: q || undefined };

  // A link to the other view keeps the filters and starts on its first page.
  const viewLink = (nextMonth: string | null) => {
    const next = new URLSearchParams(paging.params);
    next.delete('cursor');
    if (nextMonth) next.set('month', nextMonth);
    else next.delete('month');
    const search = next.toString();
    return search ? `?${search}` : '';
  };

  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <p>{t('list.intro')}</p>
      <EventFilters filters={filters} onChange={(changes) => paging.update(changes)} />
      <nav aria-label={t('list.views')}>
        <ul className="tabs">
          <li>
            <Link to={viewLink(null)} aria-current={month ? undefined : 'page'}>
              {t('list.view_list')}
            </Link>
          </li>
          <li>
            <Link to={viewLink(month ?? todayIn(DEFAULT_ZONE).slice(0, 7))} aria-current={month ? 'page' : undefined}>
              {t('list.view_month')}
            </Link>
          </li>
        </ul>
      </nav>
      {month ? (
        <MonthView month={month} filters={filters} onMonth={(m) => paging.set('month', m)} />
      ) : (
        <ListView filters={filters} paging={paging} />
      )}
      <CalendarFeed filters={filters} />
    </>
  );
}

/** The filter form: a title search and a city (sent with the button), type and series (sent when chosen). */
function EventFilters({ filters, onChange }: { filters: FeedFilters; onChange(changes: Record<string, string>): void }) {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  const series = useQuery(eventsQueries.series());
  const q = filters.q ?? '';
  const city = filters.city ?? '';
  // The typed search and city follow the URL when that changes from elsewhere (back button, a link).
  const [draft, setDraft] = useState({ url: `${q}|${city}`, q, city });
  if (draft.url !== `${q}|${city}`) setDraft({ url: `${q}|${city}`, q, city });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: draft.q.trim(), city: draft.city.trim() });
  };
  const filtered = Boolean(filters.q || filters.type || filters.series || filters.city);
  return (
    <form className="filters event-filters" role="search" aria-label={t('list.filters')} onSubmit={submit}>
      <label>
        {t('list.q')}
        <input type="search" name="q" maxLength={100} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      </label>
      <label>
        {t('facts.type')}
        <select name="type" value={filters.type ?? ''} onChange={(e) => onChange({ type: e.target.value, q: draft.q.trim() })}>
          <option value="">{t('list.any_type')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('facts.series')}
        <select name="series" value={filters.series ?? ''} onChange={(e) => onChange({ series: e.target.value, q: draft.q.trim() })}>
          <option value="">{t('list.any_series')}</option>
          {filters.series && !series.data?.some((s) => s.slug === filters.series) && (
            <option value={filters.series}>{filters.series}</option>
          )}
          {(series.data ?? []).map((s) => (
            <option key={s.slug} value={s.slug}>
              {text(s.name)}
            </option>
          ))}
        </select>
      </label>
      <div className="event-filter-city">
        <CitySlugField label={t('list.city')} name="city" value={draft.city} onChange={(slug) => setDraft({ ...draft, city: slug })} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('list.search')}
        </button>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              setDraft({ url: '|', q: '', city: '' });
              onChange({ q: '', type: '', series: '', city: '' });
            }}
          >
            {t('list.clear')}
          </button>
        )}
      </div>
      <ProblemAlert error={series.error} />
    </form>
  );
}

/** The groups of the list, in the API's order. */
const GROUPS = ['upcoming', 'past', 'undated'] as const;

/** One page of the list, by group: upcoming, past, and those whose days are not known. */
function ListView({ filters, paging }: { filters: FeedFilters; paging: ReturnType<typeof useUrlPaging> }) {
  const { t } = useTranslation(['events', 'common']);
  const { number } = useLocalized();
  const id = useId();
  const summary = useRef<HTMLParagraphElement>(null);
  const query: EventListQuery = { ...filters, cursor: paging.cursor };
  const events = useQuery({ ...eventsQueries.list(query), placeholderData: keepPreviousData });
  const turn = (go: () => void) => {
    go();
    summary.current?.focus();
  };
  const page = events.data;
  if (events.error) {
    return (
      <>
        <ProblemAlert error={events.error} />
        {paging.hasPrevious && (
          <button type="button" onClick={paging.first}>
            {t('list.first_page')}
          </button>
        )}
      </>
    );
  }
  if (!page) {
    return (
      <p className="loading" role="status">
        {t('loading', { ns: 'common' })}
      </p>
    );
  }
  const groups = new Map<string, Event[]>();
  for (const event of page.items) {
    const group = timing(event.when);
    groups.set(group, [...(groups.get(group) ?? []), event]);
  }
  return (
    <div aria-busy={events.isPlaceholderData}>
      <p role="status" ref={summary} tabIndex={-1} className="event-total">
        {t('list.total', { total: number(page.total) })}
      </p>
      {page.items.length === 0 ? (
        <p className="alert alert-warning">{t('list.empty')}</p>
      ) : (
        GROUPS.map((group) => {
          const items = groups.get(group) ?? [];
          // The first page says so when nothing is upcoming; other groups appear only with events.
          if (items.length === 0 && !(group === 'upcoming' && !paging.hasPrevious)) return null;
          return (
            <section key={group} aria-labelledby={`${id}-${group}`}>
              <h2 id={`${id}-${group}`}>{t(`list.group.${group}`)}</h2>
              {items.length === 0 ? <p>{t('list.none_upcoming')}</p> : <EventItems events={items} label={t(`list.group.${group}`)} />}
            </section>
          );
        })
      )}
      {(paging.hasPrevious || page.next_cursor) && (
        <Pager
          shown={page.items.length}
          total={page.total}
          hasPrevious={paging.hasPrevious}
          hasNext={!!page.next_cursor}
          onPrevious={() => turn(paging.previous)}
          onNext={() => page.next_cursor && turn(() => paging.next(page.next_cursor ?? ''))}
        />
      )}
    </div>
  );
}

/** The iCalendar feed of the events the filters select: subscribe in a calendar program, or download it. */
function CalendarFeed({ filters }: { filters: FeedFilters }) {
  const { t } = useTranslation('events');
  const href = feedHref(filters);
  const subscribe = `webcal://${globalThis.location?.host ?? ''}${href}`;
  return (
    <section aria-labelledby="events-feed" className="event-feed">
      <h2 id="events-feed">{t('feed.heading')}</h2>
      <p>{t('feed.intro')}</p>
      <ul className="actions plain-actions">
        <li>
          <a className="button" href={subscribe}>
            {t('feed.subscribe')}
          </a>
        </li>
        <li>
          <a href={href} download="events.ics">
            {t('feed.download')}
          </a>
        </li>
      </ul>
    </section>
  );
}
