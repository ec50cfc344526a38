/**
 * What other parts of the app may use of the awards feature: its query keys, reads, writes and
 * stage order, and the words for a cycle whose announced winners are not all recorded here.
 */
export { awardsApi, awardsKeys, awardsQueries, type Versioned } from './api';
export { CYCLE_STAGES, nextStage, type Cycle, type CycleStatus } from './manage/model';
export { AnnouncedWinners, recordedWinners, useAnnouncedWinners, winnersShortfall } from './AnnouncedWinners';
