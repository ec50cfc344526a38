import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { useLocalized } from '@/i18n/localized';
import { eventsQueries } from './api';
import { EventItems } from './EventList';
import {
  DEFAULT_ZONE,
  dayDate,
  daysWithin,
  eventPath,
  monthBounds,
  monthWeeks,
  shiftMonth,
  todayIn,
  type Event,
  type FeedFilters,
} from './model';

/** The most events one month asks for (one page of the API). */
const MONTH_LIMIT = 200;

/** A Monday, for the names of the week's days. */
const MONDAY = '2024-01-01';

interface Props {
  month: string;
  filters: FeedFilters;
  /** Shows another month. */
  onMonth(month: string): void;
}

/**
 * A month as a calendar: a table of its weeks, Monday first, each event on every day it is held
 * (days local to its time zone), with buttons to the month before and after. Events known only by
 * their year are listed under it, as they cannot be put on a day.
 */
export function MonthView({ month, filters, onMonth }: Props) {
  const { t } = useTranslation(['events', 'common']);
  const { text, language, number } = useLocalized();
  const heading = useId();
  const locale = language === 'th' ? 'th-TH-u-ca-gregory' : 'en-GB';
  const { from, to } = monthBounds(month);
  const events = useQuery(eventsQueries.list({ ...filters, from, to, sort: 'start', limit: MONTH_LIMIT }));
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayDate(from));
  const weekday = (style: 'short' | 'long', i: number) =>
    new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(dayDate(MONDAY).getTime() + i * 86_400_000));
  const full = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const today = todayIn(DEFAULT_ZONE);

  return (
    <section aria-labelledby={heading}>
      <div className="month-header">
        <h2 id={heading}>{title}</h2>
        <div className="actions">
          <button type="button" onClick={() => onMonth(shiftMonth(month, -1))}>
            {t('month.previous')}
          </button>
          <button type="button" onClick={() => onMonth(shiftMonth(month, 1))}>
            {t('month.next')}
          </button>
        </div>
      </div>
      <DataState query={events}>
        {(page) => {
          const byDay = new Map<string, Event[]>();
          const yearOnly: Event[] = [];
          for (const event of page.items) {
            if (event.when.precision !== 'day') {
              yearOnly.push(event);
              continue;
            }
            for (const day of daysWithin(event.when, from, to)) byDay.set(day, [...(byDay.get(day) ?? []), event]);
          }
          const dated = page.items.length - yearOnly.length;
          return (
            <>
              <p role="status">
                {dated === 0 ? t('month.none') : t('month.count', { count: dated })}
                {page.total > page.items.length && ` ${t('month.partial', { shown: number(page.items.length), total: number(page.total) })}`}
              </p>
              <div className="table-wrap" role="region" aria-labelledby={`${heading}-caption`} tabIndex={0}>
                <table className="calendar">
                  <caption id={`${heading}-caption`} className="visually-hidden">
                    {t('month.caption', { month: title })}
                  </caption>
                  <thead>
                    <tr>
                      {Array.from({ length: 7 }, (_, i) => (
                        <th key={i} scope="col">
                          <abbr title={weekday('long', i)}>{weekday('short', i)}</abbr>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {monthWeeks(month).map((week, w) => (
                      <tr key={w}>
                        {week.map((day, d) =>
                          day ? (
                            <td key={d} className={day === today ? 'calendar-today' : undefined} aria-current={day === today ? 'date' : undefined}>
                              <span className="calendar-day" aria-hidden="true">
                                {Number(day.slice(8))}
                              </span>
                              <span className="visually-hidden">{full.format(dayDate(day))}</span>
                              {byDay.has(day) && (
                                <ul className="calendar-events">
                                  {(byDay.get(day) ?? []).map((event) => (
                                    <li key={event.id}>
                                      <Link to={eventPath(event.slug)}>{text(event.title)}</Link>
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </td>
                          ) : (
                            <td key={d} className="calendar-outside" />
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {yearOnly.length > 0 && (
                <section aria-labelledby={`${heading}-undated`}>
                  <h2 id={`${heading}-undated`}>{t('month.undated_heading', { year: month.slice(0, 4) })}</h2>
                  <p className="muted">{t('month.undated_intro')}</p>
                  <EventItems events={yearOnly} label={t('month.undated_heading', { year: month.slice(0, 4) })} />
                </section>
              )}
            </>
          );
        }}
      </DataState>
    </section>
  );
}
