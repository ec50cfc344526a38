import { useTranslation } from 'react-i18next';
import { useLocalized } from '@/i18n/localized';
import { DEFAULT_ZONE, dayDate, todayIn, type EventWhen } from './model';

/** The visitor's own time zone, as the browser reports it. */
function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** `HH:MM` of an instant in a time zone. */
function clockIn(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** The zone's offset from UTC at an instant, such as "GMT+7". */
function offsetIn(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(instant);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** A valid instant, or null. */
function instantOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The words for an event's dates and times, in the UI language. Nothing is made up: a day that is
 * not known is said to be so; times are given in the event's own time zone, and the visitor's own
 * time beside them where it reads differently.
 */
export function useEventDates() {
  const { t } = useTranslation('events');
  const { language } = useLocalized();
  const locale = language === 'th' ? 'th-TH-u-ca-gregory' : 'en-GB';
  const long = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const day = (value: string) => long.format(dayDate(value));

  /** The zone as people say it: "Bangkok" for the platform's own, else the place of its IANA name. */
  const zoneName = (zone: string) =>
    zone === DEFAULT_ZONE ? t('when.bangkok') : (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

  /** The days: "29–30 October 2024", "2022 (day not known)" or "Date not announced". */
  const days = (when: EventWhen): string => {
    if (when.precision === 'day' && when.starts_on) {
      const end = when.ends_on ?? when.starts_on;
      return end === when.starts_on ? day(when.starts_on) : long.formatRange(dayDate(when.starts_on), dayDate(end));
    }
    if (when.year != null) return t('when.year_only', { year: when.year });
    return t('when.not_announced');
  };

  /**
   * A start and an end (either may be missing) as one text: "09:00–12:00", "from 09:00",
   * "until 12:00"; `apart` when they are on different days (each then carries its day).
   */
  const range = (start: string | null, end: string | null, apart = false): string | null => {
    if (start && end) return t(apart ? 'when.range_days' : 'when.range', { from: start, to: end });
    if (start) return t('when.from', { time: start });
    if (end) return t('when.until', { time: end });
    return null;
  };

  /** The times in the event's zone: "09:00–12:00 Bangkok time (GMT+7)", or null without times. */
  const times = (when: EventWhen): string | null => {
    if (!when.starts_on || (!when.starts_at && !when.ends_at)) return null;
    const lastDay = when.ends_on ?? when.starts_on;
    const severalDays = lastDay !== when.starts_on;
    const at = (time: string | null | undefined, on: string) => (time ? (severalDays ? t('when.day_time', { day: day(on), time }) : time) : null);
    const text = range(at(when.starts_at, when.starts_on), at(when.ends_at, lastDay), severalDays);
    const instant = instantOf(when.start) ?? instantOf(when.end);
    if (!text || !instant) return text;
    return t('when.in_zone', { times: text, zone: zoneName(when.time_zone), offset: offsetIn(instant, when.time_zone) });
  };

  /**
   * The same instants in the visitor's time zone: "03:00–06:00 your time (Europe/London)", each
   * with its day where the event spans several days or the visitor's day is not the event's; null
   * where the visitor's clock reads the same.
   */
  const yourTimes = (zone: string, localDays: (string | null | undefined)[], instants: (string | null | undefined)[]): string | null => {
    const mine = visitorZone();
    const severalDays = Boolean(localDays[0] && localDays[1] && localDays[0] !== localDays[1]);
    const shown = instants.map((value, i) => {
      const instant = instantOf(value);
      if (!instant) return { text: null, same: true, dated: false };
      const myDay = todayIn(mine, instant);
      const time = clockIn(instant, mine);
      const same = time === clockIn(instant, zone) && myDay === todayIn(zone, instant);
      const dated = severalDays || myDay !== localDays[i];
      return { text: dated ? t('when.day_time', { day: short.format(dayDate(myDay)), time }) : time, same, dated };
    });
    if (shown.every((s) => s.same)) return null;
    const text = range(shown[0]?.text ?? null, shown[1]?.text ?? null, shown.some((s) => s.dated));
    return text ? t('when.your_time', { times: text, zone: mine }) : null;
  };

  return {
    days,
    times,
    /** The event's times in the visitor's zone, where they read differently. */
    eventYourTimes: (when: EventWhen) =>
      yourTimes(when.time_zone, [when.starts_on, when.ends_on ?? when.starts_on], [when.start, when.end]),
    /** A session's start and end in the event's zone ("09:00–10:30"), else its part of the day. */
    sessionTimes: (session: { starts_at?: string | null; ends_at?: string | null; part_of_day?: string | null }) =>
      range(session.starts_at ?? null, session.ends_at ?? null) ??
      (session.part_of_day ? t(`part_of_day.${session.part_of_day}`, { defaultValue: session.part_of_day }) : null),
    /** A session's start in the visitor's zone ("starts 02:00 your time (Europe/London)"), where it reads differently. */
    sessionYourTime: (zone: string, session: { on?: string | null; start?: string | null }) => {
      const instant = instantOf(session.start);
      if (!instant) return null;
      const mine = visitorZone();
      const time = clockIn(instant, mine);
      const myDay = todayIn(mine, instant);
      if (time === clockIn(instant, zone) && myDay === todayIn(zone, instant)) return null;
      const at = myDay !== session.on ? t('when.day_time', { day: short.format(dayDate(myDay)), time }) : time;
      return t('when.your_start', { time: at, zone: mine });
    },
    /** A calendar day in full: "29 October 2024". */
    day,
    /** The zone as people say it. */
    zoneName,
  };
}
