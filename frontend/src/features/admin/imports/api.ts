/**
 * The bulk imports (`/api/v1/imports`): the kinds a file can import, and sending a file as the
 * request body, for a dry run (the preview) or for good.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import type { components } from '@/api/schema';

export type ImportKind = components['schemas']['ImportKind'];
export type ImportKindInfo = components['schemas']['ImportKindInfo'];
export type ImportReport = components['schemas']['ImportReport'];
export type RowReport = components['schemas']['RowReport'];

/** The media type of an Excel workbook (`.xlsx`). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The encodings of a CSV file: UTF-8, or windows-874 as Thai Excel saves "CSV (Comma delimited)". */
export const ENCODINGS = ['utf-8', 'windows-874'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The kinds whose rows belong to a network, which the file names in a column or the page for the whole file. */
export const NETWORK_KINDS: readonly ImportKind[] = ['memberships', 'network-census'];

/** The query keys of the imports (not under the administration's, which an applied import refreshes). */
export const importKeys = {
  all: ['imports'] as const,
  kinds: () => [...importKeys.all, 'kinds'] as const,
};

/** The reads of the imports, for `useQuery`. */
export const importQueries = {
  /** The kinds, their columns, how rows match and their templates (fixed for a given server). */
  kinds: () =>
    queryOptions({
      queryKey: importKeys.kinds(),
      queryFn: () => unwrap(api.GET('/api/v1/imports')),
      staleTime: Infinity,
    }),
};

/** Whether a chosen file is an Excel workbook (by its type, or its name when the browser gives no type). */
export function isWorkbook(file: { name: string; type: string }): boolean {
  return file.type === XLSX || /\.xlsx$/i.test(file.name);
}

/** The `Content-Type` to send a file with: the workbook's, or CSV in the chosen encoding. */
export function contentTypeOf(file: { name: string; type: string }, encoding: Encoding): string {
  if (isWorkbook(file)) return XLSX;
  return encoding === 'windows-874' ? 'text/csv; charset=windows-874' : 'text/csv';
}

/** What to import, and how. */
export interface ImportRequest {
  kind: ImportKind;
  file: File;
  encoding: Encoding;
  /** The network of rows without a `network` cell (memberships and census only); empty for none. */
  network: string;
  /** Report what would happen and write nothing. */
  dryRun: boolean;
}

/**
 * The answer to an import: its report, and whether it was refused (422 `import_refused`: some
 * rows are in error and nothing was written).
 */
export interface ImportOutcome {
  report: ImportReport;
  refused: boolean;
}

/** An `import_refused` problem: the report is there (it is optional only for `bad_columns`). */
type ImportProblemBody = components['schemas']['ImportProblem'] & { report: ImportReport };

function isRefusal(body: unknown): body is ImportProblemBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    'code' in body &&
    body.code === 'import_refused' &&
    'report' in body &&
    typeof body.report === 'object' &&
    body.report !== null
  );
}

/**
 * Sends the file itself as the body, through the app's client (bearer token, silent refresh).
 * Resolves to the report, also when the rows are refused; throws an {@link ApiProblem} when the
 * file cannot be read at all (`bad_columns`, `bad_encoding`, `unsupported_media_type`, ...).
 */
export async function sendImport({ kind, file, encoding, network, dryRun }: ImportRequest): Promise<ImportOutcome> {
  const withNetwork = NETWORK_KINDS.includes(kind) && network !== '';
  let result;
  try {
    result = await api.POST('/api/v1/imports/{kind}', {
      params: {
        path: { kind },
        query: { ...(dryRun && { dry_run: true }), ...(withNetwork && { network }) },
      },
      // The body is the file as it is (no JSON): the client's types know it only as text.
      body: file as unknown as string,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': contentTypeOf(file, encoding) },
    });
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  const { data, error, response } = result;
  if (response.ok && data) return { report: data, refused: false };
  if (response.status === 422 && isRefusal(error)) return { report: error.report, refused: true };
  throw ApiProblem.from(error, response);
}

/** A CSV template as a link target: UTF-8 with a byte-order mark, so that Excel shows Thai as Thai. */
export function templateHref(template: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${template}`)}`;
}

/** One changed column of a row: its name, old and new value (`changes` is `{column: [old, new]}`). */
export interface ColumnChange {
  column: string;
  old: unknown;
  new: unknown;
}

/** The changes of a row, in the API's order (by column name); anything not shaped `[old, new]` is skipped. */
export function changesOf(row: RowReport): ColumnChange[] {
  const changes: unknown = row.changes;
  if (typeof changes !== 'object' || changes === null) return [];
  return Object.entries(changes).flatMap(([column, pair]) =>
    Array.isArray(pair) && pair.length === 2 ? [{ column, old: pair[0] as unknown, new: pair[1] as unknown }] : [],
  );
}
