/** What other parts of the app may use of the awards feature: its query keys, reads, writes and stage order. */
export { awardsApi, awardsKeys, awardsQueries, type Versioned } from './api';
export { CYCLE_STAGES, nextStage, type Cycle, type CycleStatus } from './manage/model';
