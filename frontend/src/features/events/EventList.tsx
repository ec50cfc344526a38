import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '@/i18n/localized';
import { useEventDates } from './EventDates';
import { eventPath, type Event } from './model';
import './events.css';

/** An event's type, in words. */
export function TypeLabel({ type }: { type: string }) {
  const { t } = useTranslation('events');
  return <>{t(`type.${type}`, { defaultValue: type })}</>;
}

/**
 * One event in a list: its title (a level-3 heading linking to its page), then its days, its type
 * and where it is held (the venue's city, or online).
 */
export function EventItem({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const { text, language } = useLocalized();
  const { days } = useEventDates();
  const place = event.venue?.city ? text(event.venue.city.name) : event.mode === 'online' ? t('mode.online') : null;
  return (
    <li className="event-item">
      <h3 className="event-item-title" lang={language === 'th' && event.title.th ? 'th' : 'en'}>
        <Link to={eventPath(event.slug)}>{text(event.title)}</Link>
      </h3>
      <p className="event-item-meta">
        <span className="event-item-days">{days(event.when)}</span>
        {' · '}
        <TypeLabel type={event.type} />
        {place && <> · {place}</>}
        {event.status !== 'published' && (
          <>
            {' '}
            <span className={`badge status-${event.status}`}>{t(`status.${event.status}`)}</span>
          </>
        )}
      </p>
    </li>
  );
}

/** Events as a list, in the order given, named `label` for screen readers. */
export function EventItems({ events, label }: { events: readonly Event[]; label: string }) {
  return (
    <ul className="event-list" aria-label={label}>
      {events.map((event) => (
        <EventItem key={event.id} event={event} />
      ))}
    </ul>
  );
}
