/**
 * What other parts of the app may use of the organisations feature: its query keys and reads, the
 * "Organisations" block of the network and award programme pages, and the staff's organisations
 * area (a chunk of its own, loaded when first opened).
 */
import { lazy } from 'react';

export { organisationsKeys, organisationsQueries } from './api';
export { OrganisationLinks, OrganisationName } from './OrganisationLinks';
export const OrganisationsAdminArea = lazy(() => import('./manage/OrganisationsAdminArea'));
