/**
 * What other parts of the app may use of the organisations feature: its query keys and reads, and
 * the "Organisations" block of the network and award programme pages.
 */
export { organisationsKeys, organisationsQueries } from './api';
export { OrganisationLinks, OrganisationName } from './OrganisationLinks';
