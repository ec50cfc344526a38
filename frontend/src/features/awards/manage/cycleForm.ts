/** The editable texts of a cycle as form values (named by the API's field paths), and the bodies built from them. */
import type { components } from '@/api/schema';
import type { Cycle } from './model';

/** The body of `POST` and `PATCH /award-cycles`. */
export type CycleInput = components['schemas']['CycleInput'];
type LocalizedInput = components['schemas']['LocalizedInput'];

/** What the cycle form edits, as the inputs hold it; `criteria` is one criterion a line. */
export type CycleValues = {
  'title.en': string;
  'title.th': string;
  'summary.en': string;
  'summary.th': string;
  nominations_open_on: string;
  nominations_close_on: string;
  ceremony_on: string;
  'ceremony.en': string;
  'ceremony.th': string;
  criteria: string;
  source_url: string;
  framework: string;
};

/** A field of the cycle form. */
export type CycleField = keyof CycleValues;

/** The translation key of each field's label (in the `manage` namespace). */
export const CYCLE_FIELD_LABELS: Record<CycleField, string> = {
  'title.en': 'cycle_form.title_en',
  'title.th': 'cycle_form.title_th',
  'summary.en': 'cycle_form.summary_en',
  'summary.th': 'cycle_form.summary_th',
  nominations_open_on: 'cycle_form.opens',
  nominations_close_on: 'cycle_form.closes',
  ceremony_on: 'cycle_form.ceremony_on',
  'ceremony.en': 'cycle_form.ceremony_en',
  'ceremony.th': 'cycle_form.ceremony_th',
  criteria: 'cycle_form.criteria',
  source_url: 'cycle_form.source_url',
  framework: 'cycle_form.framework',
};

/** A category of a new cycle. */
export interface CategoryValues {
  name_en: string;
  name_th: string;
  slug: string;
  description_en: string;
  description_th: string;
}

/** The values of a new cycle's form. */
export const EMPTY_CYCLE: CycleValues = {
  'title.en': '',
  'title.th': '',
  'summary.en': '',
  'summary.th': '',
  nominations_open_on: '',
  nominations_close_on: '',
  ceremony_on: '',
  'ceremony.en': '',
  'ceremony.th': '',
  criteria: '',
  source_url: '',
  framework: '',
};

/** A new category's values. */
export const EMPTY_CATEGORY: CategoryValues = { name_en: '', name_th: '', slug: '', description_en: '', description_th: '' };

/** The form values of an existing cycle. */
export function valuesOf(cycle: Cycle): CycleValues {
  return {
    'title.en': cycle.title.en,
    'title.th': cycle.title.th ?? '',
    'summary.en': cycle.summary?.en ?? '',
    'summary.th': cycle.summary?.th ?? '',
    nominations_open_on: cycle.nominations_open_on ?? '',
    nominations_close_on: cycle.nominations_close_on ?? '',
    ceremony_on: cycle.ceremony_on ?? '',
    'ceremony.en': cycle.ceremony?.en ?? '',
    'ceremony.th': cycle.ceremony?.th ?? '',
    criteria: cycle.criteria.join('\n'),
    source_url: cycle.source_url ?? '',
    framework: cycle.framework ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function lines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

type Bilingual = 'title' | 'summary' | 'ceremony';
type Single = 'nominations_open_on' | 'nominations_close_on' | 'ceremony_on' | 'source_url' | 'framework';
const BILINGUAL: Bilingual[] = ['title', 'summary', 'ceremony'];
const SINGLE: Single[] = ['nominations_open_on', 'nominations_close_on', 'ceremony_on', 'source_url', 'framework'];

/**
 * The merge patch of `changes` (the fields the user changed): a changed language of a bilingual
 * text alone (`{"title": {"th": "..."}}`), an emptied field as null.
 */
export function cyclePatch(changes: Partial<CycleValues>): CycleInput {
  const patch: CycleInput = {};
  for (const name of BILINGUAL) {
    const en = changes[`${name}.en`];
    const th = changes[`${name}.th`];
    if (en === undefined && th === undefined) continue;
    const text: LocalizedInput = {};
    if (en !== undefined) text.en = orNull(en);
    if (th !== undefined) text.th = orNull(th);
    patch[name] = text;
  }
  for (const name of SINGLE) {
    const value = changes[name];
    if (value !== undefined) patch[name] = orNull(value);
  }
  if (changes.criteria !== undefined) patch.criteria = lines(changes.criteria);
  return patch;
}

function localized(en: string, th: string): LocalizedInput | undefined {
  if (en.trim() === '' && th.trim() === '') return undefined;
  return { en: orNull(en), th: orNull(th) };
}

/** The body of `POST /award-cycles`: only the fields that were filled in, and the categories. */
export function createBody(programme: string, year: string, v: CycleValues, categories: CategoryValues[]): CycleInput {
  const body: CycleInput = { programme: orNull(programme), year: year.trim() === '' ? null : Number(year) };
  for (const name of BILINGUAL) {
    const text = localized(v[`${name}.en`], v[`${name}.th`]);
    if (text) body[name] = text;
  }
  for (const name of SINGLE) {
    const value = orNull(v[name]);
    if (value !== null) body[name] = value;
  }
  const criteria = lines(v.criteria);
  if (criteria.length > 0) body.criteria = criteria;
  body.categories = categories.map((c) => ({
    name: { en: orNull(c.name_en), th: orNull(c.name_th) },
    slug: orNull(c.slug),
    description: localized(c.description_en, c.description_th) ?? null,
  }));
  return body;
}
