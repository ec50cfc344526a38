/** Types, stage order and reads shared by the secretariat's award and evaluation screens. */
import { useQuery } from '@tanstack/react-query';
import { answer, api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

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

/** A record with the version to send back as `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/** One cycle (drafts included for staff) with its ETag. */
export function useCycle(id: number | undefined) {
  return useQuery({
    queryKey: ['manage', 'cycle', id],
    enabled: id !== undefined,
    queryFn: async (): Promise<Versioned<Cycle>> => {
      const { data, etag } = await answer(api.GET('/api/v1/award-cycles/{id}', { params: { path: { id: id ?? 0 } } }));
      return { data, etag };
    },
  });
}

/** The award programmes (few: the first page of 200 holds them all). */
export function useProgrammes() {
  return useQuery({
    queryKey: ['manage', 'programmes'],
    queryFn: () => unwrap(api.GET('/api/v1/award-programmes', { params: { query: { limit: 200 } } })),
  });
}

/** One programme, with its eligibility rules. */
export function useProgramme(slug: string) {
  return useQuery({
    queryKey: ['manage', 'programme', slug],
    queryFn: () => unwrap(api.GET('/api/v1/award-programmes/{slug}', { params: { path: { slug } } })),
  });
}

/** The evaluation framework versions. */
export function useFrameworks() {
  return useQuery({
    queryKey: ['manage', 'frameworks'],
    queryFn: () => unwrap(api.GET('/api/v1/frameworks', { params: { query: { limit: 200 } } })),
  });
}

/** Every cycle the caller may see, drafts included for staff, newest first (first 200). */
export function useAllCycles() {
  return useQuery({
    queryKey: ['manage', 'cycles', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/award-cycles', { params: { query: { limit: 200 } } })),
  });
}

/** A positive integer from a URL parameter, else undefined. */
export function idParam(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}
