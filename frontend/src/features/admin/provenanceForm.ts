/**
 * The provenance part of a record's form (its `sources` and its "not verified" mark) and its
 * conversion to and from the API, shared by the city, network and membership forms.
 *
 * Form values stay flat strings and booleans (see `useSafeEdit`): the list of sources is held as
 * the JSON text of its rows, so that comparing two values compares their content, and adding a
 * row and removing it again leaves the form unchanged.
 */
import type { components } from '@/api/schema';

type Source = components['schemas']['Source'];

/** The most sources the API takes for one record. */
export const MAX_SOURCES = 20;

/** The inputs of one source, named as the API's fields (so `sources[i].<part>` errors land on them). */
export const SOURCE_PARTS = ['url', 'title', 'publisher', 'published_on', 'accessed_on', 'excerpt'] as const;
export type SourcePart = (typeof SOURCE_PARTS)[number];
/** One source as the form holds it: every part a text, empty when not given. */
export type SourceRow = Record<SourcePart, string>;

/** The form fields of a record's provenance, named by the API's fields. */
export const PROVENANCE_FIELDS = ['sources', 'unverified', 'unverified_reason'] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];
// A type, not an interface: form values need the implicit index signature of `FormValues`.
export type ProvenanceValues = {
  /** The rows of the source list, as JSON text (see {@link sourceRows}). */
  sources: string;
  /** The "Not verified" checkbox. */
  unverified: boolean;
  /** Why the record is not verified (empty while it is verified). */
  unverified_reason: string;
};

/** What a record answers about its provenance (loose: older answers may lack the fields). */
export interface SourcedRecord {
  sources?: Source[] | null;
  verified?: boolean | null;
  unverified_reason?: string | null;
}

/** The provenance part of a merge patch or a create body. */
export interface ProvenanceInput {
  sources?: Source[] | null;
  unverified_reason?: string | null;
}

export function isProvenanceField(field: string): field is ProvenanceField {
  return (PROVENANCE_FIELDS as readonly string[]).includes(field);
}

/** An empty source row. */
export function emptySource(): SourceRow {
  return { url: '', title: '', publisher: '', published_on: '', accessed_on: '', excerpt: '' };
}

/** The form value of a list of rows. */
export function sourcesText(rows: readonly SourceRow[]): string {
  // Build each row in the same key order, so equal lists give equal texts.
  return JSON.stringify(rows.map((row) => Object.fromEntries(SOURCE_PARTS.map((part) => [part, row[part] ?? '']))));
}

/** The rows of a form value (an unreadable value gives no rows). */
export function sourceRows(text: string | boolean | undefined): SourceRow[] {
  if (typeof text !== 'string' || text === '') return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((item: unknown) => {
      const row = emptySource();
      if (typeof item === 'object' && item !== null) {
        for (const part of SOURCE_PARTS) {
          const value = (item as Record<string, unknown>)[part];
          if (typeof value === 'string') row[part] = value;
        }
      }
      return row;
    });
  } catch {
    return [];
  }
}

/** The form values of a record's provenance. */
export function provenanceValues(record: SourcedRecord): ProvenanceValues {
  const rows = (record.sources ?? []).map((source) => {
    const row = emptySource();
    for (const part of SOURCE_PARTS) row[part] = source[part] ?? '';
    return row;
  });
  const reason = record.unverified_reason ?? '';
  return {
    sources: sourcesText(rows),
    unverified: record.verified === false || record.unverified_reason != null,
    unverified_reason: reason,
  };
}

/** The form values of a new record: no sources, verified. */
export function emptyProvenance(): ProvenanceValues {
  return { sources: sourcesText([]), unverified: false, unverified_reason: '' };
}

/** A source as the API takes it: its filled parts, trimmed (a row with none is sent empty, and refused at its url). */
function toSource(row: SourceRow): Source {
  const source: Source = {};
  for (const part of SOURCE_PARTS) {
    const value = row[part].trim();
    if (value !== '') source[part] = value;
  }
  return source;
}

/**
 * The provenance part of a merge patch, from the changed fields only: `sources` (the whole list)
 * when the list changed; `unverified_reason` when the mark or its reason changed: the reason while
 * marked (an empty one is sent, for the API to refuse at the field), `null` when unmarked.
 */
export function provenancePatch(changes: Partial<ProvenanceValues>): ProvenanceInput {
  const patch: ProvenanceInput = {};
  if (changes.sources !== undefined) patch.sources = sourceRows(changes.sources).map(toSource);
  if (changes.unverified === false) patch.unverified_reason = null;
  else if (changes.unverified === true || changes.unverified_reason !== undefined) {
    patch.unverified_reason = (changes.unverified_reason ?? '').trim();
  }
  return patch;
}

/** The provenance part of a create body: the sources if any, the reason if marked. */
export function provenanceCreateBody(values: ProvenanceValues): ProvenanceInput {
  const rows = sourceRows(values.sources);
  return provenancePatch({
    ...(rows.length > 0 && { sources: values.sources }),
    ...(values.unverified && { unverified: true, unverified_reason: values.unverified_reason }),
  });
}

/** A short text of a source list (each source's address, else its title), for a table of changes. */
export function sourcesSummary(text: string | boolean): string {
  return sourceRows(text)
    .map((row) => row.url.trim() || row.title.trim())
    .filter(Boolean)
    .join('; ');
}
