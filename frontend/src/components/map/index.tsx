/**
 * The ASEAN+3 map, loaded as a chunk of its own (with its shapes) the first time a page draws
 * one. Wrap it in `<Suspense>` (the page's own boundary does).
 */
import { lazy } from 'react';

export type { AseanMapProps, MapCity } from './AseanMap';
export const AseanMap = lazy(() => import('./AseanMap'));
