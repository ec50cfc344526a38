/**
 * The events' enumerations as the UI orders them, and the helpers over their dates: calendar days
 * (`YYYY-MM-DD`, local to the event's time zone), months (`YYYY-MM`) and the iCalendar addresses.
 */
import type { components, paths } from '@/api/schema';

export type Event = components['schemas']['Event'];
export type EventType = components['schemas']['EventType'];
export type EventMode = components['schemas']['EventMode'];
export type EventStatus = components['schemas']['EventStatus'];
export type EventWhen = components['schemas']['EventWhen'];
export type EventInput = components['schemas']['EventInput'];
export type EventSeries = components['schemas']['EventSeries'];
export type Session = components['schemas']['Session'];
export type ParticipationRole = components['schemas']['ParticipationRole'];
export type PartOfDay = components['schemas']['PartOfDay'];
export type EventListQuery = NonNullable<paths['/api/v1/events']['get']['parameters']['query']>;
export type CityEventListQuery = NonNullable<paths['/api/v1/cities/{slug}/events']['get']['parameters']['query']>;

/** The kinds of gathering, in the order of the contract (and of the type filter). */
export const TYPES = [
  'conference',
  'forum',
  'academy_session',
  'learning_city_week',
  'award_ceremony',
  'network_announcement',
  'seminar',
  'webinar',
] as const satisfies readonly EventType[];

/** How people attend. */
export const MODES = ['in_person', 'online', 'hybrid'] as const satisfies readonly EventMode[];

/** How a city takes part, the most active first. */
export const PARTICIPATION_ROLES = ['presenter', 'panel', 'recognised', 'attendee'] as const satisfies readonly ParticipationRole[];

/** The parts of a day a session without times is in. */
export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const satisfies readonly PartOfDay[];

/** The platform's time zone: every event's unless it says otherwise. */
export const DEFAULT_ZONE = 'Asia/Bangkok';

/** A month as the URL holds it: `YYYY-MM`. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar day as a Date at midnight UTC: formatted in UTC, it is never moved to another day. */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The calendar day (`YYYY-MM-DD`) of a Date taken in UTC. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today (`YYYY-MM-DD`) in a time zone; an unknown zone counts as Bangkok. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(zone);
  } catch {
    return format(DEFAULT_ZONE);
  }
}

/**
 * Where an event stands: `upcoming` (its last day, else its first, is today or later in its own
 * time zone), `past`, or `undated` (only its year, or nothing, is known).
 */
export function timing(when: EventWhen, now: Date = new Date()): 'upcoming' | 'past' | 'undated' {
  const last = when.ends_on ?? when.starts_on;
  if (when.precision !== 'day' || !last) return 'undated';
  return last >= todayIn(when.time_zone, now) ? 'upcoming' : 'past';
}

/** The month `by` months after `month` (before, when negative). */
export function shiftMonth(month: string, by: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 1 + by, 1));
  return isoDay(date).slice(0, 7);
}

/** The first and the last day of a month. */
export function monthBounds(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: isoDay(new Date(dayDate(`${shiftMonth(month, 1)}-01`).getTime() - 86_400_000)) };
}

/**
 * The weeks of a month as a calendar shows them, Monday first: seven days each, `null` for the
 * days of the weeks that belong to the month before or after.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const { from, to } = monthBounds(month);
  const first = dayDate(from);
  const lead = (first.getUTCDay() + 6) % 7;
  const last = Number(to.slice(8));
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The days from `from` to `to` (inclusive) on which an event with known days is held. */
export function daysWithin(when: EventWhen, from: string, to: string): string[] {
  if (when.precision !== 'day' || !when.starts_on) return [];
  const start = when.starts_on > from ? when.starts_on : from;
  const endOfEvent = when.ends_on ?? when.starts_on;
  const end = endOfEvent < to ? endOfEvent : to;
  const days: string[] = [];
  for (let day = dayDate(start); isoDay(day) <= end; day = new Date(day.getTime() + 86_400_000)) {
    days.push(isoDay(day));
  }
  return days;
}

/** The filters of the public event list that the calendar feed takes too. */
export interface FeedFilters {
  type?: EventType;
  series?: string;
  city?: string;
  q?: string;
}

/** The iCalendar feed of every event the filters select (`GET /events?format=ics`). */
export function feedHref(filters: FeedFilters): string {
  const params = new URLSearchParams();
  for (const name of ['type', 'series', 'city', 'q'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  params.set('format', 'ics');
  return `/api/v1/events?${params.toString()}`;
}

/** One event as an iCalendar file, for a calendar program (only for an event with known days). */
export function eventIcsHref(slug: string): string {
  return `/api/v1/events/${encodeURIComponent(slug)}?format=ics`;
}

/** The calendar feed of a city's events. */
export function cityFeedHref(slug: string): string {
  return `/api/v1/cities/${encodeURIComponent(slug)}/events?format=ics`;
}

/** The SPA page of an event. */
export function eventPath(slug: string): string {
  return `/events/${encodeURIComponent(slug)}`;
}
