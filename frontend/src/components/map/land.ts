/**
 * The land of the ASEAN+3 map, projected once: the member countries (ASEAN, including
 * Timor-Leste, plus China, Japan and South Korea) and the other land in the frame, as SVG paths.
 * The shapes come from `asean-plus-3.json` (Natural Earth, see README.md in this folder).
 */
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import data from './asean-plus-3.json';

type Shapes = Topology<{ members: GeometryCollection<{ name: string }>; context: GeometryCollection<{ name: string }> }>;

const topology = data as unknown as Shapes;
const members = feature(topology, topology.objects.members);
const context = feature(topology, topology.objects.context);

/** Width of the map in SVG units; the height follows from the projection. */
export const WIDTH = 800;

const margin = 12;
const fitted = geoMercator().fitWidth(WIDTH - 2 * margin, members);
const [[, top], [, bottom]] = geoPath(fitted).bounds(members);
const [tx, ty] = fitted.translate();

/** The projection: Mercator fitted to the member countries, with a small margin all round. */
export const projection = fitted.translate([tx + margin, ty - top + margin]);

/** Height of the map in SVG units. */
export const HEIGHT = Math.ceil(bottom - top + 2 * margin);

projection.clipExtent([
  [0, 0],
  [WIDTH, HEIGHT],
]);

const path = geoPath(projection);

/** One path per member country, keyed by its ISO 3166-1 alpha-2 code. */
export const memberLand = members.features.map((f) => ({ code: String(f.id), d: path(f) ?? '' }));

/** The other countries' land inside the frame, as one path. */
export const otherLand = path(context) ?? '';

/** The point of a coordinate on the map, or null when it falls outside the frame. */
export function place(lat: number, lon: number): [number, number] | null {
  const point = projection([lon, lat]);
  if (!point) return null;
  const [x, y] = point;
  return x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT ? [x, y] : null;
}
