/** The city form's values and their conversion to and from the API's `City` and `CityInput`. */
import type { components } from '@/api/schema';
import { localizedPatch, numberOrNull, numberText, textOrNull } from '@/features/admin/shared';
import {
  emptyProvenance,
  provenanceCreateBody,
  provenancePatch,
  provenanceValues,
  type ProvenanceValues,
} from '@/features/admin/provenanceForm';

export type City = components['schemas']['City'];
export type CityInput = components['schemas']['CityInput'];

/** The form's fields, named by the API's field paths (so 422 errors land on them). */
export const CITY_FIELDS = [
  'slug',
  'name.en',
  'name.th',
  'country',
  'province',
  'lat',
  'lon',
  'population',
  'area_km2',
  'website',
  'geonames_id',
  'description.en',
  'description.th',
] as const;
export type CityField = (typeof CITY_FIELDS)[number];
/** The text fields, plus the sources and the "not verified" mark. */
export type CityValues = Record<CityField, string> & ProvenanceValues;

/** The fields a city editor may not change (the API answers `forbidden_field`). */
export const EDITOR_FIXED_FIELDS: readonly CityField[] = ['slug', 'country'];

/** An empty form for a new city (Thai by default: the platform's cities are mostly Thai). */
export function emptyCity(): CityValues {
  const values = Object.fromEntries(CITY_FIELDS.map((f) => [f, ''])) as Record<CityField, string>;
  values.country = 'TH';
  return { ...values, ...emptyProvenance() };
}

/** The form values of a city. */
export function cityValues(city: City): CityValues {
  return {
    slug: city.slug,
    'name.en': city.name.en,
    'name.th': city.name.th ?? '',
    country: city.country,
    province: city.province ?? '',
    lat: numberText(city.lat),
    lon: numberText(city.lon),
    population: numberText(city.population),
    area_km2: numberText(city.area_km2),
    website: city.website ?? '',
    geonames_id: numberText(city.geonames_id),
    'description.en': city.description?.en ?? '',
    'description.th': city.description?.th ?? '',
    ...provenanceValues(city),
  };
}

/** A merge patch with exactly the fields in `changes` (empty text clears a field). */
export function cityPatch(changes: Partial<CityValues>): CityInput {
  const patch: CityInput = {};
  if (changes.slug !== undefined) patch.slug = textOrNull(changes.slug);
  const name = localizedPatch(changes, 'name');
  if (name) patch.name = name;
  if (changes.country !== undefined) patch.country = textOrNull(changes.country);
  if (changes.province !== undefined) patch.province = textOrNull(changes.province);
  if (changes.lat !== undefined) patch.lat = numberOrNull(changes.lat);
  if (changes.lon !== undefined) patch.lon = numberOrNull(changes.lon);
  if (changes.population !== undefined) patch.population = numberOrNull(changes.population);
  if (changes.area_km2 !== undefined) patch.area_km2 = numberOrNull(changes.area_km2);
  if (changes.website !== undefined) patch.website = textOrNull(changes.website);
  if (changes.geonames_id !== undefined) patch.geonames_id = numberOrNull(changes.geonames_id);
  const description = localizedPatch(changes, 'description');
  if (description) patch.description = description;
  return { ...patch, ...provenancePatch(changes) };
}

/** The body of `POST /cities`: every filled field (empty ones are left out, the slug too), the sources and the mark. */
export function cityCreateBody(values: CityValues): CityInput {
  const filled: Partial<CityValues> = {};
  for (const field of CITY_FIELDS) {
    if (values[field].trim() !== '') filled[field] = values[field];
  }
  if (values.country !== 'TH') delete filled.province;
  return { ...cityPatch(filled), ...provenanceCreateBody(values) };
}
