/** Types and stage order of the secretariat's award screens. */
import type { components } from '@/api/schema';

export type { Versioned } from '@/features/awards/api';

/** The API's records of the award workflow. */
export type Cycle = components['schemas']['Cycle'];
export type CycleStatus = components['schemas']['CycleStatus'];
export type Nomination = components['schemas']['Nomination'];
export type NominationStatus = components['schemas']['NominationStatus'];
export type Programme = components['schemas']['Programme'];

/** The stages of a cycle, in the only order the API allows. */
export const CYCLE_STAGES: readonly CycleStatus[] = ['draft', 'open', 'judging', 'closed', 'published'];

/** The stage after `status`, or undefined for a published cycle. */
export function nextStage(status: CycleStatus): CycleStatus | undefined {
  return CYCLE_STAGES[CYCLE_STAGES.indexOf(status) + 1];
}

/** The statuses the secretariat may decide (withdrawal has its own operation). */
export const DECISIONS: readonly NominationStatus[] = ['submitted', 'shortlisted', 'winner', 'not_awarded'];
