import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { Sources } from '@/components/Sources';
import { OrganisationLinks } from '@/features/organisations';
import { useLocalized, type LocalizedText } from '@/i18n/localized';
import { webUrl } from '@/lib/urls';
import { eventsQueries } from './api';
import { useEventDates } from './EventDates';
import { TypeLabel } from './EventList';
import { eventIcsHref, type Event, type Session } from './model';
import './events.css';

/** The language a bilingual text is shown in, for `lang`: Thai only where a Thai form exists. */
function shownIn(value: LocalizedText | null | undefined, language: string): 'en' | 'th' {
  return language === 'th' && value?.th ? 'th' : 'en';
}

/** Names of languages (ISO 639-1 codes) in the UI language; a code the browser cannot name stays a code. */
function useLanguageNames() {
  const { language } = useLocalized();
  const names = new Intl.DisplayNames([language === 'th' ? 'th' : 'en'], { type: 'language', fallback: 'code' });
  return (codes: readonly string[]) => codes.map((code) => names.of(code) ?? code).join(', ');
}

/**
 * One event (`/events/:slug`): its title, type, series and dates as far as they are known (times
 * in the event's time zone, with the visitor's own beside them), the agenda with its speakers,
 * the venue, the links to watch it, the participating cities and the organisations behind it,
 * the attendance, the records it belongs to, and the sources of every fact.
 */
export default function EventPage() {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  const { slug = '' } = useParams();
  const event = useQuery(eventsQueries.detail(slug));
  const title = event.data
    ? text(event.data.title)
    : event.error instanceof ApiProblem && event.error.status === 404
      ? t('detail.not_found_title')
      : t('detail.title');
  return (
    <>
      <nav aria-label={t('detail.breadcrumb')}>
        <Link to="/events">{t('detail.all')}</Link>
      </nav>
      <PageTitle>{title}</PageTitle>
      <DataState query={event}>{(e) => <EventDetail event={e} />}</DataState>
    </>
  );
}

function EventDetail({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const { text, language } = useLocalized();
  const title = text(event.title);
  const summary = text(event.summary);
  return (
    <>
      {event.status !== 'published' && (
        <div className="alert alert-warning" role="note">
          <p className="alert-title">{t(`detail.status.${event.status}`)}</p>
          {event.review_note && <p>{t('detail.review_note', { note: event.review_note })}</p>}
        </div>
      )}
      {summary && (
        <p className="event-summary" lang={shownIn(event.summary, language)}>
          {summary}
        </p>
      )}
      <EventFacts event={event} />
      {event.when.precision === 'day' && (
        <p>
          <a className="button" href={eventIcsHref(event.slug)} download={`${event.slug}.ics`}>
            {t('detail.add_to_calendar')}
          </a>
        </p>
      )}
      <Sources record={event} label={t('detail.sources', { name: title })} />
      <Agenda event={event} />
      <Venue event={event} />
      <Watch event={event} />
      <Cities event={event} />
      <OrganisationLinks organisations={event.organisers} of={title} />
      <Attendance event={event} />
    </>
  );
}

/** What the event is and when: type, series, dates and times, mode, languages, and the records it belongs to. */
function EventFacts({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  const dates = useEventDates();
  const languages = useLanguageNames();
  const times = dates.times(event.when);
  const yours = dates.eventYourTimes(event.when);
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl className="facts event-facts">
      {fact(t('facts.type'), <TypeLabel type={event.type} />)}
      {event.series &&
        fact(
          t('facts.series'),
          <>
            <Link to={`/events?series=${encodeURIComponent(event.series.slug)}`}>{text(event.series.name)}</Link>
            {event.edition != null && <> ({t('facts.edition', { edition: event.edition })})</>}
          </>,
        )}
      {fact(t('facts.date'), dates.days(event.when))}
      {times &&
        fact(
          t('facts.time'),
          <>
            {times}
            {yours && <> <span className="event-your-time">{yours}</span></>}
          </>,
        )}
      {event.mode && fact(t('facts.mode'), t(`mode.${event.mode}`))}
      {event.languages.length > 0 && fact(t('facts.languages'), languages(event.languages))}
      {event.interpretation.length > 0 && fact(t('facts.interpretation'), languages(event.interpretation))}
      {event.network &&
        fact(t('facts.network'), <Link to={`/networks/${encodeURIComponent(event.network.slug)}`}>{text(event.network.name)}</Link>)}
      {event.award_cycle &&
        fact(
          t('facts.award_cycle'),
          <Link to={`/awards/cycles/${event.award_cycle.id}`}>{t('facts.award_cycle_value', { year: event.award_cycle.year })}</Link>,
        )}
      {event.initiative && fact(t('facts.initiative'), text(event.initiative.name))}
      {event.census &&
        fact(
          t('facts.census'),
          <Link to={`/networks/${encodeURIComponent(event.census.network)}`}>{t('facts.census_value', { date: dates.day(event.census.as_of) })}</Link>,
        )}
    </dl>
  );
}

/** The agenda, in order: each session with its day and times (or part of the day), speakers and sources. */
function Agenda({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const dates = useEventDates();
  if (event.sessions.length === 0) return null;
  const timed = event.sessions.some((s) => s.starts_at || s.ends_at);
  return (
    <section aria-labelledby="event-agenda">
      <h2 id="event-agenda">{t('agenda.heading')}</h2>
      {timed && <p className="muted">{t('agenda.zone', { zone: dates.zoneName(event.when.time_zone) })}</p>}
      <ol className="event-sessions">
        {event.sessions.map((session) => (
          <SessionItem key={session.id} session={session} zone={event.when.time_zone} />
        ))}
      </ol>
    </section>
  );
}

function SessionItem({ session, zone }: { session: Session; zone: string }) {
  const { t } = useTranslation('events');
  const { text, language } = useLocalized();
  const dates = useEventDates();
  const title = text(session.title);
  const when = [session.on ? dates.day(session.on) : null, dates.sessionTimes(session)].filter(Boolean).join(' · ');
  const yours = dates.sessionYourTime(zone, session);
  return (
    <li>
      <h3 lang={shownIn(session.title, language)}>{title}</h3>
      <p className="event-session-when">
        {when || <span className="muted">{t('agenda.time_not_known')}</span>}
        {yours && <> <span className="event-your-time">{yours}</span></>}
        {session.live_streamed === true && <> · {t('agenda.live_streamed')}</>}
      </p>
      {session.speakers.length > 0 && (
        <ul className="event-speakers" aria-label={t('agenda.speakers', { session: title })}>
          {session.speakers.map((speaker, i) => (
            <li key={i}>
              <span className="event-speaker-name">{speaker.name}</span>
              {speaker.role && <>, {speaker.role}</>}
              {speaker.organisation && <>, {speaker.organisation}</>}
            </li>
          ))}
        </ul>
      )}
      <Sources record={session} label={t('agenda.sources', { session: title })} compact />
    </li>
  );
}

/** Where it is held: the venue's name, address and city, and its coordinates with a link to a map. */
function Venue({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const { text, number } = useLocalized();
  const venue = event.venue;
  if (!venue || (!venue.name && !venue.address && !venue.city && venue.latitude == null)) return null;
  const { latitude: lat, longitude: lon } = venue;
  return (
    <section aria-labelledby="event-venue">
      <h2 id="event-venue">{t('venue.heading')}</h2>
      <dl className="facts">
        {venue.name && (
          <>
            <dt>{t('venue.name')}</dt>
            <dd>{text(venue.name)}</dd>
          </>
        )}
        {venue.address && (
          <>
            <dt>{t('venue.address')}</dt>
            <dd>{venue.address}</dd>
          </>
        )}
        {venue.city && (
          <>
            <dt>{t('venue.city')}</dt>
            <dd>
              <Link to={`/cities/${encodeURIComponent(venue.city.slug)}`}>{text(venue.city.name)}</Link>
            </dd>
          </>
        )}
        {lat != null && lon != null && (
          <>
            <dt>{t('venue.coordinates')}</dt>
            <dd>
              {t('venue.coordinates_value', { lat: number(lat, 5), lon: number(lon, 5) })} (
              <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`} rel="noopener noreferrer">
                {t('venue.map')}
              </a>
              )
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The live stream and the recording, where recorded. */
function Watch({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const live = webUrl(event.live_stream_url);
  const recording = webUrl(event.recording_url);
  if (!live && !recording) return null;
  return (
    <section aria-labelledby="event-watch">
      <h2 id="event-watch">{t('watch.heading')}</h2>
      <ul>
        {live && (
          <li>
            <a href={live} rel="noopener noreferrer">
              {t('watch.live_stream')}
            </a>
          </li>
        )}
        {recording && (
          <li>
            <a href={recording} rel="noopener noreferrer">
              {t('watch.recording')}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

/** The participating cities with their roles, each linked to its profile, with the sources of its part. */
function Cities({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  if (event.cities.length === 0) return null;
  return (
    <section aria-labelledby="event-cities">
      <h2 id="event-cities">{t('cities.heading')}</h2>
      <ul className="event-cities" aria-label={t('cities.list', { name: text(event.title) })}>
        {event.cities.map((city) => {
          const name = text(city.name);
          const role = t(`participation.${city.role}`, { defaultValue: city.role });
          return (
            <li key={city.id}>
              <Link to={`/cities/${encodeURIComponent(city.city)}`}>{name}</Link> <span className="badge">{role}</span>{' '}
              <Sources record={city} label={t('cities.sources', { city: name })} compact />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** How many were expected and reported to attend, and the sources' own words. */
function Attendance({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const { number } = useLocalized();
  const { expected, reported, note } = event.attendance;
  if (expected == null && reported == null && !note) return null;
  return (
    <section aria-labelledby="event-attendance">
      <h2 id="event-attendance">{t('attendance.heading')}</h2>
      {(expected != null || reported != null) && (
        <dl className="facts">
          {expected != null && (
            <>
              <dt>{t('attendance.expected')}</dt>
              <dd>{number(expected)}</dd>
            </>
          )}
          {reported != null && (
            <>
              <dt>{t('attendance.reported')}</dt>
              <dd>{number(reported)}</dd>
            </>
          )}
        </dl>
      )}
      {note && <p className="event-attendance-note">{note}</p>}
    </section>
  );
}
