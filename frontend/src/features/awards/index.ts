/** What other parts of the app may use of the awards feature: its query keys, reads and writes. */
export { awardsApi, awardsKeys, awardsQueries, type Versioned } from './api';
export { StageControl } from './manage/StageControl';
