// Writes src/components/map/asean-plus-3.json: the ASEAN+3 countries (the eleven ASEAN states,
// including Timor-Leste, plus China, Japan and South Korea) and the other land within the map's
// frame, cut out of Natural Earth's 1:50m Admin 0 countries as redistributed by the npm package
// world-atlas (Natural Earth: public domain; world-atlas: ISC).
//
// The result is still a TopoJSON topology. It keeps only the arcs the kept geometries use, so
// shared borders stay shared; the land of other countries is clipped to the frame, and the grid
// is coarsened to about 1.5 km, well under a pixel at the map's scale. That keeps the map chunk
// small. Run it again after upgrading world-atlas: `node scripts/build-map.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8'));
const output = fileURLToPath(new URL('../src/components/map/asean-plus-3.json', import.meta.url));

// ISO 3166-1 numeric (the world-atlas ids) -> alpha-2 (the API's country codes).
const MEMBERS = {
  '096': 'BN', '104': 'MM', '116': 'KH', '360': 'ID', '418': 'LA', '458': 'MY', '608': 'PH',
  '626': 'TL', '702': 'SG', '704': 'VN', '764': 'TH', '156': 'CN', '392': 'JP', '410': 'KR',
};

// The frame, in degrees [west, south, east, north]: it holds every member country, with a margin.
const FRAME = [70, -16, 158, 56];

// Source grid units per output grid unit.
const STEP = 4;
const [sx, sy] = world.transform.scale;
const [tx, ty] = world.transform.translate;
const scale = [sx * STEP, sy * STEP];
const frame = [
  Math.floor((FRAME[0] - tx) / scale[0]),
  Math.floor((FRAME[1] - ty) / scale[1]),
  Math.ceil((FRAME[2] - tx) / scale[0]),
  Math.ceil((FRAME[3] - ty) / scale[1]),
];

// The points of source arc i on the coarse grid, in absolute units, without repeated points.
const coarse = new Map();
function points(i) {
  if (!coarse.has(i)) {
    let x = 0;
    let y = 0;
    const all = world.arcs[i].map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [Math.round(x / STEP), Math.round(y / STEP)];
    });
    const kept = all.filter((p, k) => k === 0 || k === all.length - 1 || p[0] !== all[k - 1][0] || p[1] !== all[k - 1][1]);
    coarse.set(i, kept);
  }
  return coarse.get(i);
}

// A ring of arc indices as one list of points (a negative index ~i is arc i reversed).
function ringPoints(ring) {
  const out = [];
  for (const index of ring) {
    const arc = index < 0 ? [...points(~index)].reverse() : points(index);
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
}

const inside = ([x, y]) => x >= frame[0] && x <= frame[2] && y >= frame[1] && y <= frame[3];

// Sutherland-Hodgman: the part of a closed ring inside the frame (empty if none).
function clip(ring) {
  const edges = [
    [(p) => p[0] >= frame[0], (a, b) => cut(a, b, 0, frame[0])],
    [(p) => p[0] <= frame[2], (a, b) => cut(a, b, 0, frame[2])],
    [(p) => p[1] >= frame[1], (a, b) => cut(a, b, 1, frame[1])],
    [(p) => p[1] <= frame[3], (a, b) => cut(a, b, 1, frame[3])],
  ];
  let current = ring.slice(0, -1);
  for (const [keep, meet] of edges) {
    const next = [];
    current.forEach((p, k) => {
      const prev = current[(k + current.length - 1) % current.length];
      if (keep(p)) {
        if (!keep(prev)) next.push(meet(prev, p));
        next.push(p);
      } else if (keep(prev)) next.push(meet(prev, p));
    });
    current = next;
    if (current.length === 0) return [];
  }
  return current.length >= 3 ? [...current, current[0]] : [];
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const other = 1 - axis;
  const p = [];
  p[axis] = value;
  p[other] = Math.round(a[other] + t * (b[other] - a[other]));
  return p;
}

// Polygons as lists of rings; a ring is a list of source arc indices, or { points } once clipped.
const members = [];
const context = [];
for (const geometry of world.objects.countries.geometries) {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  const code = MEMBERS[geometry.id];
  if (code) {
    members.push({ type: 'MultiPolygon', id: code, properties: { name: geometry.properties.name }, arcs: polygons });
    continue;
  }
  const kept = [];
  for (const rings of polygons) {
    const shapes = rings.map(ringPoints);
    if (shapes.every((shape) => shape.every(inside))) {
      kept.push(rings);
      continue;
    }
    const [outer, ...holes] = shapes.map(clip);
    if (outer && outer.length) kept.push([outer, ...holes.filter((h) => h.length)].map((p) => ({ points: p })));
  }
  if (kept.length) context.push({ type: 'MultiPolygon', properties: { name: geometry.properties.name }, arcs: kept });
}
members.sort((a, b) => a.id.localeCompare(b.id));

// The output arcs: the source arcs still used, renumbered, then one new arc per clipped ring.
const arcs = [];
const renumbered = new Map();
function reference(index) {
  const arc = index < 0 ? ~index : index;
  if (!renumbered.has(arc)) {
    renumbered.set(arc, arcs.length);
    arcs.push(points(arc));
  }
  const fresh = renumbered.get(arc);
  return index < 0 ? ~fresh : fresh;
}
for (const geometry of [...members, ...context]) {
  geometry.arcs = geometry.arcs.map((rings) =>
    rings.map((ring) => {
      if (Array.isArray(ring)) return ring.map(reference);
      arcs.push(ring.points);
      return [arcs.length - 1];
    }),
  );
}
const deltas = (arc) => arc.map(([x, y], k) => (k === 0 ? [x, y] : [x - arc[k - 1][0], y - arc[k - 1][1]]));

const topology = {
  type: 'Topology',
  source: `Natural Earth 1:50m Admin 0 countries (public domain), via world-atlas ${version} (ISC), trimmed by scripts/build-map.mjs`,
  transform: { scale, translate: [tx, ty] },
  objects: {
    members: { type: 'GeometryCollection', geometries: members },
    context: { type: 'GeometryCollection', geometries: context },
  },
  arcs: arcs.map(deltas),
};
writeFileSync(output, `${JSON.stringify(topology)}\n`);
process.stdout.write(`${output}: ${members.length} members, ${context.length} other countries, ${arcs.length} arcs\n`);
