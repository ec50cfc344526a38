/**
 * The charts, each loaded as a chunk of its own the first time a page draws one. Wrap them in
 * `<Suspense>` (the page's own boundary does).
 */
import { lazy } from 'react';

export type { Bar, BarChartProps } from './BarChart';
export type { Point, LineChartProps, Series } from './LineChart';
export const BarChart = lazy(() => import('./BarChart'));
export const LineChart = lazy(() => import('./LineChart'));
