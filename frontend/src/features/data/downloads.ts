/** The formats a list or statistic can be downloaded in (`format=`), and the spreadsheet variant. */
export type Download = 'json' | 'csv' | 'csv-bom' | 'ndjson';

/** The downloads offered for each list or statistic, in the order they are shown. */
export const DOWNLOADS: Download[] = ['csv', 'csv-bom', 'ndjson', 'json'];

/**
 * The URL of `path` (with its own `query`) in a format: `format=csv`, `format=csv&bom=true` or
 * `format=ndjson`; `json` is the plain JSON answer (one page for a list).
 */
export function downloadUrl(path: string, download: Download, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (download === 'csv' || download === 'csv-bom') params.set('format', 'csv');
  if (download === 'csv-bom') params.set('bom', 'true');
  if (download === 'ndjson') params.set('format', 'ndjson');
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
