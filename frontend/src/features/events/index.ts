/**
 * What other parts of the app may use of the events feature: its query keys and reads, the
 * "Events" section of a city's profile, the "Next events" of the home page, and the staff's and
 * city editors' event areas (each a chunk of its own, loaded when first opened).
 */
import { lazy } from 'react';

export { eventsKeys, eventsQueries } from './api';
export { CityEvents } from './CityEvents';
export { NextEvents } from './NextEvents';
export const EventsAdminArea = lazy(() => import('./manage/EventsAdminArea'));
export const CityEventsArea = lazy(() => import('./manage/CityEventsArea'));
