/** What other parts of the app may use of the networks feature: its query keys and reads. */
export { networksKeys, networksQueries } from './api';
