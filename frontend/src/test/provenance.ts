/** The provenance fields every public record carries, for the fixtures of the component tests. */
import type { components } from '@/api/schema';

type Provenance = components['schemas']['Provenance'];
type Source = components['schemas']['Source'];

/**
 * The provenance of a record as the API answers it: by default verified and without sources
 * (`sources: []`, `verified: true`, `unverified_reason: null`); `overrides` change single fields.
 */
export function provenance(overrides: Partial<Provenance> = {}): Provenance {
  return { sources: [], verified: true, unverified_reason: null, ...overrides };
}

/** A source with a public address; `overrides` change single fields. */
export function source(overrides: Partial<Source> = {}): Source {
  return {
    url: 'https://www.uil.unesco.org/en/learning-cities',
    title: 'UNESCO Global Network of Learning Cities',
    publisher: 'UNESCO Institute for Lifelong Learning',
    published_on: '2025-12-04',
    accessed_on: '2026-01-15',
    excerpt: null,
    ...overrides,
  };
}
