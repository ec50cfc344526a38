import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataState } from '@/components/DataState';
import { useLocalized } from '@/i18n/localized';
import { eventsQueries } from './api';
import { EventItems } from './EventList';
import { cityFeedHref } from './model';

/** How many of a city's events its profile lists (the rest are in the events calendar). */
const CITY_LIMIT = 50;

/**
 * "Events" on a city's profile: the published events it takes part in or hosts
 * (`GET /cities/{slug}/events`), upcoming first, each linked to its page, with the city's calendar
 * feed and a link to all of them in the events calendar.
 */
export function CityEvents({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation('events');
  const { number } = useLocalized();
  const heading = useId();
  const events = useQuery(eventsQueries.city(slug, { limit: CITY_LIMIT }));
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{t('city.heading')}</h2>
      <DataState query={events}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('city.none')}</p>
          ) : (
            <>
              <EventItems events={page.items} label={t('city.list', { city: name })} />
              {page.total > page.items.length && (
                <p>{t('city.partial', { shown: number(page.items.length), total: number(page.total) })}</p>
              )}
              <ul className="actions plain-actions">
                <li>
                  <Link to={`/events?city=${encodeURIComponent(slug)}`}>{t('city.all', { city: name })}</Link>
                </li>
                <li>
                  <a href={cityFeedHref(slug)} download={`${slug}-events.ics`}>
                    {t('city.feed', { city: name })}
                  </a>
                </li>
              </ul>
            </>
          )
        }
      </DataState>
    </section>
  );
}
