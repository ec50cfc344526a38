/**
 * The event form's values and their conversion to and from the API's `Event` and `EventInput`.
 *
 * Form values stay flat strings and booleans (see `useSafeEdit`). The agenda, the participating
 * cities and the organisers are lists of rows, each held as the JSON text of its rows (as the
 * sources are), so that comparing two values compares their content. The sources of a session and
 * of a city's part are not edited here: they ride along in their rows and are sent back unchanged,
 * as a list the API receives replaces the event's.
 */
import type { components } from '@/api/schema';
import {
  emptyProvenance,
  localizedPatch,
  numberOrNull,
  numberText,
  provenanceCreateBody,
  provenancePatch,
  provenanceValues,
  textOrNull,
  type ProvenanceValues,
} from '@/features/admin';
import { oneOf } from '@/lib/choices';
import {
  DEFAULT_ZONE,
  MODES,
  PARTICIPATION_ROLES,
  PARTS_OF_DAY,
  TYPES,
  type Event,
  type EventInput,
  type ParticipationRole,
} from '../model';

type Source = components['schemas']['Source'];
type RoleKind = components['schemas']['RoleKind'];

/** The roles of an organisation in an event, the ones that run it first. */
export const ORGANISER_ROLES = [
  'organiser',
  'co_host',
  'partner',
  'funder',
  'supporter',
  'lead',
  'secretariat',
  'coordinator',
] as const satisfies readonly RoleKind[];

/** The form's single fields, named by the API's field paths (so 422 errors land on them). */
export const EVENT_FIELDS = [
  'slug',
  'type',
  'title.en',
  'title.th',
  'summary.en',
  'summary.th',
  'series',
  'network',
  'time_zone',
  'starts_on',
  'ends_on',
  'starts_at',
  'ends_at',
  'year',
  'mode',
  'venue.name.en',
  'venue.name.th',
  'venue.address',
  'venue.city',
  'venue.latitude',
  'venue.longitude',
  'languages',
  'interpretation',
  'live_stream_url',
  'recording_url',
  'expected_attendance',
  'reported_attendance',
  'attendance_note',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** The form's lists, each the JSON text of its rows. */
export const LIST_FIELDS = ['sessions', 'cities', 'organisers'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** The fields of the venue: it is sent whole when one of them changed. */
const VENUE_FIELDS = [
  'venue.name.en',
  'venue.name.th',
  'venue.address',
  'venue.city',
  'venue.latitude',
  'venue.longitude',
] as const satisfies readonly EventField[];

// A type, not an interface: form values need the implicit index signature of `FormValues`.
export type EventValues = Record<EventField | ListField, string> & ProvenanceValues;

/** A speaker as the form holds them. */
export interface SpeakerRow {
  name: string;
  role: string;
  organisation: string;
}

/** A session of the agenda as the form holds it; `live_streamed` is `yes`, `no` or empty (not known). */
export interface SessionRow {
  title_en: string;
  title_th: string;
  on: string;
  starts_at: string;
  ends_at: string;
  part_of_day: string;
  live_streamed: string;
  speakers: SpeakerRow[];
  sources: Source[];
}

/** A participating city as the form holds it. */
export interface CityRow {
  city: string;
  role: ParticipationRole;
  sources: Source[];
}

/** An organiser as the form holds it. */
export interface OrganiserRow {
  organisation: string;
  role: RoleKind;
}

const SOURCE_PARTS = ['url', 'title', 'publisher', 'published_on', 'accessed_on', 'excerpt'] as const;

type Loose = Record<string, unknown>;
const str = (item: Loose, key: string) => (typeof item[key] === 'string' ? (item[key] as string) : '');
const list = (item: Loose, key: string): Loose[] =>
  Array.isArray(item[key]) ? (item[key] as unknown[]).filter((x): x is Loose => typeof x === 'object' && x !== null) : [];

/** A source with its given parts only, in one order (so equal sources give equal texts). */
function cleanSource(item: Loose): Source {
  const source: Source = {};
  for (const part of SOURCE_PARTS) {
    const value = item[part];
    if (typeof value === 'string') source[part] = value;
  }
  return source;
}

function speakerRow(item: Loose): SpeakerRow {
  return { name: str(item, 'name'), role: str(item, 'role'), organisation: str(item, 'organisation') };
}

function sessionRow(item: Loose): SessionRow {
  return {
    title_en: str(item, 'title_en'),
    title_th: str(item, 'title_th'),
    on: str(item, 'on'),
    starts_at: str(item, 'starts_at'),
    ends_at: str(item, 'ends_at'),
    part_of_day: str(item, 'part_of_day'),
    live_streamed: str(item, 'live_streamed'),
    speakers: list(item, 'speakers').map(speakerRow),
    sources: list(item, 'sources').map(cleanSource),
  };
}

function cityRow(item: Loose): CityRow {
  return {
    city: str(item, 'city'),
    role: oneOf(str(item, 'role'), PARTICIPATION_ROLES) ?? PARTICIPATION_ROLES[0],
    sources: list(item, 'sources').map(cleanSource),
  };
}

function organiserRow(item: Loose): OrganiserRow {
  return { organisation: str(item, 'organisation'), role: oneOf(str(item, 'role'), ORGANISER_ROLES) ?? ORGANISER_ROLES[0] };
}

/** The rows of a list value (an unreadable value gives no rows). */
function rowsOf<T>(text: string | boolean | undefined, row: (item: Loose) => T): T[] {
  if (typeof text !== 'string' || text === '') return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((x): x is Loose => typeof x === 'object' && x !== null).map(row) : [];
  } catch {
    return [];
  }
}

export const sessionRows = (text: string | boolean | undefined) => rowsOf(text, sessionRow);
export const cityRows = (text: string | boolean | undefined) => rowsOf(text, cityRow);
export const organiserRows = (text: string | boolean | undefined) => rowsOf(text, organiserRow);
// Rows are rebuilt before they are written, so every row of a list has its keys in one order.
export const sessionsText = (rows: readonly SessionRow[]) => JSON.stringify(rows.map((r) => sessionRow({ ...r })));
export const citiesText = (rows: readonly CityRow[]) => JSON.stringify(rows.map((r) => cityRow({ ...r })));
export const organisersText = (rows: readonly OrganiserRow[]) => JSON.stringify(rows.map((r) => organiserRow({ ...r })));

/** An empty session. */
export function emptySession(): SessionRow {
  return { title_en: '', title_th: '', on: '', starts_at: '', ends_at: '', part_of_day: '', live_streamed: '', speakers: [], sources: [] };
}

/** ISO 639-1 codes typed as a list ("en, th"). */
function codes(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * An empty form for a new event: a conference in Bangkok time. A city editor's proposal starts
 * with their own city among the participating cities, as the API requires it there.
 */
export function emptyEvent(city?: string): EventValues {
  const values = Object.fromEntries(EVENT_FIELDS.map((f) => [f, ''])) as Record<EventField, string>;
  values.type = 'conference';
  values.time_zone = DEFAULT_ZONE;
  return {
    ...values,
    sessions: sessionsText([]),
    cities: citiesText(city ? [{ city, role: PARTICIPATION_ROLES[0], sources: [] }] : []),
    organisers: organisersText([]),
    ...emptyProvenance(),
  };
}

/** The form values of an event. A year is shown only where the days are not known (with days, it is theirs). */
export function eventValues(event: Event): EventValues {
  const { when, venue, attendance } = event;
  return {
    slug: event.slug,
    type: event.type,
    'title.en': event.title.en,
    'title.th': event.title.th ?? '',
    'summary.en': event.summary?.en ?? '',
    'summary.th': event.summary?.th ?? '',
    series: event.series?.slug ?? '',
    network: event.network?.slug ?? '',
    time_zone: when.time_zone,
    starts_on: when.starts_on ?? '',
    ends_on: when.ends_on ?? '',
    starts_at: when.starts_at ?? '',
    ends_at: when.ends_at ?? '',
    year: when.starts_on ? '' : numberText(when.year),
    mode: event.mode ?? '',
    'venue.name.en': venue?.name?.en ?? '',
    'venue.name.th': venue?.name?.th ?? '',
    'venue.address': venue?.address ?? '',
    'venue.city': venue?.city?.slug ?? '',
    'venue.latitude': numberText(venue?.latitude),
    'venue.longitude': numberText(venue?.longitude),
    languages: event.languages.join(', '),
    interpretation: event.interpretation.join(', '),
    live_stream_url: event.live_stream_url ?? '',
    recording_url: event.recording_url ?? '',
    expected_attendance: numberText(attendance.expected),
    reported_attendance: numberText(attendance.reported),
    attendance_note: attendance.note ?? '',
    sessions: sessionsText(
      event.sessions.map((s) => ({
        title_en: s.title.en,
        title_th: s.title.th ?? '',
        on: s.on ?? '',
        starts_at: s.starts_at ?? '',
        ends_at: s.ends_at ?? '',
        part_of_day: s.part_of_day ?? '',
        live_streamed: s.live_streamed == null ? '' : s.live_streamed ? 'yes' : 'no',
        speakers: s.speakers.map((p) => ({ name: p.name, role: p.role ?? '', organisation: p.organisation ?? '' })),
        sources: s.sources,
      })),
    ),
    cities: citiesText(event.cities.map((c) => ({ city: c.city, role: c.role, sources: c.sources }))),
    organisers: organisersText(event.organisers.map((o) => ({ organisation: o.slug, role: o.role }))),
    ...provenanceValues(event),
  };
}

/** The venue of the form, whole; null when none of its fields is filled. */
function venueOf(values: Partial<EventValues>): EventInput['venue'] {
  const filled = VENUE_FIELDS.some((f) => (values[f] ?? '').trim() !== '');
  if (!filled) return null;
  const en = textOrNull(values['venue.name.en']);
  const th = textOrNull(values['venue.name.th']);
  return {
    name: en || th ? { en, th } : null,
    address: textOrNull(values['venue.address']),
    city: textOrNull(values['venue.city']),
    latitude: numberOrNull(values['venue.latitude']),
    longitude: numberOrNull(values['venue.longitude']),
  };
}

/**
 * A merge patch with exactly the fields in `changes` (empty text clears a field). `base` is the
 * rest of the form: a venue is sent whole, from `base` with the changes over it.
 */
export function eventPatch(changes: Partial<EventValues>, base: Partial<EventValues> = {}): EventInput {
  const patch: EventInput = {};
  const text = (field: EventField) => (changes[field] !== undefined ? textOrNull(changes[field]) : undefined);
  const set = <K extends keyof EventInput>(key: K, value: EventInput[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  set('slug', text('slug'));
  if (changes.type !== undefined) patch.type = oneOf(changes.type, TYPES) ?? null;
  const title = localizedPatch(changes, 'title');
  if (title) patch.title = title;
  const summary = localizedPatch(changes, 'summary');
  if (summary) patch.summary = summary;
  set('series', text('series'));
  set('network', text('network'));
  set('time_zone', text('time_zone'));
  set('starts_on', text('starts_on'));
  set('ends_on', text('ends_on'));
  set('starts_at', text('starts_at'));
  set('ends_at', text('ends_at'));
  if (changes.year !== undefined) patch.year = numberOrNull(changes.year);
  if (changes.mode !== undefined) patch.mode = oneOf(changes.mode, MODES) ?? null;
  if (VENUE_FIELDS.some((f) => changes[f] !== undefined)) patch.venue = venueOf({ ...base, ...changes });
  if (changes.languages !== undefined) patch.languages = codes(changes.languages);
  if (changes.interpretation !== undefined) patch.interpretation = codes(changes.interpretation);
  set('live_stream_url', text('live_stream_url'));
  set('recording_url', text('recording_url'));
  if (changes.expected_attendance !== undefined) patch.expected_attendance = numberOrNull(changes.expected_attendance);
  if (changes.reported_attendance !== undefined) patch.reported_attendance = numberOrNull(changes.reported_attendance);
  set('attendance_note', text('attendance_note'));
  if (changes.sessions !== undefined) {
    patch.sessions = sessionRows(changes.sessions).map((s) => ({
      title: { en: textOrNull(s.title_en), th: textOrNull(s.title_th) },
      on: textOrNull(s.on),
      starts_at: textOrNull(s.starts_at),
      ends_at: textOrNull(s.ends_at),
      part_of_day: oneOf(s.part_of_day, PARTS_OF_DAY) ?? null,
      live_streamed: s.live_streamed === 'yes' ? true : s.live_streamed === 'no' ? false : null,
      speakers: s.speakers.map((p) => ({ name: p.name.trim(), role: textOrNull(p.role), organisation: textOrNull(p.organisation) })),
      sources: s.sources,
    }));
  }
  if (changes.cities !== undefined) {
    patch.cities = cityRows(changes.cities).map((c) => ({ city: c.city.trim(), role: c.role, sources: c.sources }));
  }
  if (changes.organisers !== undefined) {
    patch.organisers = organiserRows(changes.organisers).map((o) => ({ organisation: o.organisation, role: o.role }));
  }
  return { ...patch, ...provenancePatch(changes) };
}

/** The body of `POST /events`: every filled field, the lists that have rows, the sources and the mark. */
export function eventCreateBody(values: EventValues): EventInput {
  const filled: Partial<EventValues> = {};
  for (const field of EVENT_FIELDS) {
    if (values[field].trim() !== '') filled[field] = values[field];
  }
  if (sessionRows(values.sessions).length > 0) filled.sessions = values.sessions;
  if (cityRows(values.cities).length > 0) filled.cities = values.cities;
  if (organiserRows(values.organisers).length > 0) filled.organisers = values.organisers;
  return { ...eventPatch(filled, values), ...provenanceCreateBody(values) };
}

/** A short text of a list value (session titles; cities and organisations with their roles), for a table of changes. */
export function listSummary(field: ListField, value: string | boolean): string {
  if (field === 'sessions') return sessionRows(value).map((s) => s.title_en.trim()).filter(Boolean).join('; ');
  if (field === 'cities') return cityRows(value).map((c) => `${c.city} (${c.role})`).join('; ');
  return organiserRows(value).map((o) => `${o.organisation} (${o.role})`).join('; ');
}

export function isListField(field: string): field is ListField {
  return (LIST_FIELDS as readonly string[]).includes(field);
}
