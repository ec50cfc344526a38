import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { eventsQueries } from './api';
import { EventItems } from './EventList';
import { DEFAULT_ZONE, timing, todayIn } from './model';

/** How many events the home page shows. */
const NEXT = 3;
/** How many it asks for: a few more, as events known only by their year also match a day range. */
const ASKED = 10;

/**
 * "Next events" on the home page: the first three events not over yet (their last day, else their
 * first, is today or later), soonest first; a quiet line where none is recorded.
 */
export function NextEvents() {
  const { t } = useTranslation('events');
  const query = useQuery({
    ...eventsQueries.list({ from: todayIn(DEFAULT_ZONE), limit: ASKED }),
    select: (page) => page.items.filter((event) => timing(event.when) === 'upcoming').slice(0, NEXT),
  });
  return (
    <section aria-labelledby="home-events">
      <h2 id="home-events">{t('next.heading')}</h2>
      <DataState query={query}>
        {(events) => (events.length === 0 ? <p className="muted">{t('next.none')}</p> : <EventItems events={events} label={t('next.heading')} />)}
      </DataState>
      <p>
        <Link to="/events">{t('next.all')}</Link>
      </p>
    </section>
  );
}
