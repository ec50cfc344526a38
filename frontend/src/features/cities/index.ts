/** What other parts of the app may use of the cities feature: its query keys and reads. */
export { citiesKeys, citiesQueries } from './api';
