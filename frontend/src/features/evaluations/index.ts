/** What other parts of the app may use of the evaluations feature: its query keys and reads. */
export { evaluationsKeys, evaluationsQueries } from './api';
