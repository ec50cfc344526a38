/** Reading the `before` / `after` records of audit entries, which the API gives as free-form JSON. */

/** A JSON object's own field, if `value` is an object that has it. */
export function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>)[name];
}

/** A string field of a JSON object, or undefined. */
export function textField(value: unknown, name: string): string | undefined {
  const found = field(value, name);
  return typeof found === 'string' ? found : undefined;
}

/** The bilingual `name` of a recorded city or network, if it has one. */
export function recordName(value: unknown): { en: string; th?: string | null } | undefined {
  const name = field(value, 'name');
  const en = textField(name, 'en');
  if (en === undefined) return undefined;
  return { en, th: textField(name, 'th') ?? null };
}

/**
 * A value as a short readable text: strings as they are, flat objects (such as `{en, th}`) as
 * `en: … · th: …`, everything else as compact JSON.
 */
export function readable(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
      return entries.map(([k, v]) => `${k}: ${v === null ? '—' : String(v)}`).join(' · ');
    }
  }
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

/** One field that differs between two recorded versions. */
export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields that differ between `before` and `after` (top level; nested objects compared as
 * JSON). When either is not an object, the whole record is one change.
 */
export function changes(before: unknown, after: unknown): Change[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) && !isObject(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before, after }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((f) => ({ field: f, before: b[f], after: a[f] }));
}
