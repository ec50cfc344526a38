import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { PageTitle } from '@/components/PageTitle';
import { citiesQueries } from '@/features/cities';
import { useLocalized } from '@/i18n/localized';
import { eventsQueries } from '../api';
import { useEventDates } from '../EventDates';
import type { Event } from '../model';

/**
 * `/my-city/events`: a city editor's proposals (waiting for the secretariat, or returned with the
 * reason, to change and send again), the way to propose one, and the city's published events.
 */
export function CityProposalsPage({ city }: { city: string }) {
  const { t } = useTranslation('events');
  const { text } = useLocalized();
  const { days } = useEventDates();
  const profile = useQuery(citiesQueries.detail(city));
  const proposed = useQuery(eventsQueries.list({ status: 'proposed', limit: 200 }));
  const returned = useQuery(eventsQueries.list({ status: 'returned', limit: 200 }));
  const name = profile.data ? text(profile.data.name) : city;
  const rows = (events: Event[]) =>
    events.map((event) => (
      <tr key={event.id}>
        <th scope="row">
          <Link to={`/my-city/events/${encodeURIComponent(event.slug)}`}>{text(event.title)}</Link>
        </th>
        <td>{days(event.when)}</td>
        <td>
          <span className={`badge status-${event.status}`}>{t(`status.${event.status}`)}</span>
        </td>
        <td>{event.review_note}</td>
      </tr>
    ));
  return (
    <>
      <PageTitle>{t('manage.city_title', { city: name })}</PageTitle>
      <p>{t('manage.city_intro')}</p>
      <p className="actions">
        <Link className="button primary" to="/my-city/events/new">
          {t('manage.propose_title')}
        </Link>
      </p>
      <section aria-labelledby="my-proposals">
        <h2 id="my-proposals">{t('manage.my_proposals')}</h2>
        <DataState query={{ data: proposed.data && returned.data, error: proposed.error ?? returned.error, isPending: proposed.isPending || returned.isPending }}>
          {() => {
            const events = [...(returned.data?.items ?? []), ...(proposed.data?.items ?? [])];
            return events.length === 0 ? (
              <p>{t('manage.no_proposals')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t('manage.my_proposals')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('manage.col.event')}</th>
                      <th scope="col">{t('facts.date')}</th>
                      <th scope="col">{t('manage.col.status')}</th>
                      <th scope="col">{t('manage.col.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>{rows(events)}</tbody>
                </table>
              </div>
            );
          }}
        </DataState>
      </section>
      <p>
        <Link to={`/events?city=${encodeURIComponent(city)}`}>{t('city.all', { city: name })}</Link>
      </p>
    </>
  );
}
