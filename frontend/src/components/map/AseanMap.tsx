import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HEIGHT, WIDTH, memberLand, otherLand, place } from './land';
import './map.css';

/** A city to plot: its slug (for the link), its name in the current language and its coordinates. */
export interface MapCity {
  slug: string;
  name: string;
  lat?: number | null;
  lon?: number | null;
}

export interface AseanMapProps {
  /** What the map shows; the caption, and the name of the map for screen readers. */
  title: string;
  cities: MapCity[];
}

interface Plotted extends MapCity {
  x: number;
  y: number;
}

/** Radius of a point in screen pixels, whatever the map's drawn size. */
const POINT_RADIUS = 5;

/**
 * SVG units per screen pixel of the drawn map (1 until measured, and where the browser cannot
 * measure), so that points keep their size on a phone.
 */
function useUnitsPerPixel() {
  const ref = useRef<SVGSVGElement>(null);
  const [ratio, setRatio] = useState(1);
  useEffect(() => {
    const svg = ref.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width > 0) setRatio(Math.min(3, Math.max(0.5, WIDTH / width)));
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  return { ref, ratio };
}

const known = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The ASEAN+3 countries with cities as points. Each point is a link to the city's profile, named
 * after the city; the caption says how many cities are plotted and how many could not be (no
 * coordinates, or outside the frame), and the plotted cities can be opened as a list.
 */
export default function AseanMap({ title, cities }: AseanMapProps) {
  const { t } = useTranslation('map');
  const id = useId();
  const { ref, ratio } = useUnitsPerPixel();
  const plotted: Plotted[] = [];
  const seen = new Set<string>();
  let unknown = 0;
  let outside = 0;
  for (const city of cities) {
    if (seen.has(city.slug)) continue;
    seen.add(city.slug);
    if (!known(city.lat) || !known(city.lon)) {
      unknown += 1;
      continue;
    }
    const point = place(city.lat, city.lon);
    if (point) plotted.push({ ...city, x: point[0], y: point[1] });
    else outside += 1;
  }
  // West to east, so that the tab order follows the map.
  plotted.sort((a, b) => a.x - b.x || a.y - b.y);
  const listed = [...plotted].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <figure className="map-figure">
      <figcaption id={`${id}-t`} className="map-caption">
        {title}
      </figcaption>
      <div id={`${id}-d`} className="map-summary">
        <p>
          {t('shown', { number: plotted.length })} {t('legend')}
        </p>
        {outside > 0 && <p>{t('outside', { number: outside })}</p>}
        {unknown > 0 && <p>{t('no_coordinates', { number: unknown })}</p>}
      </div>
      <svg
        ref={ref}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="map"
        role="group"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
      >
        <g aria-hidden="true">
          <path d={otherLand} className="map-land-other" />
          {memberLand.map((country) => (
            <path key={country.code} d={country.d} className="map-land" />
          ))}
        </g>
        <g>
          {plotted.map((city) => (
            <Link key={city.slug} to={`/cities/${city.slug}`} aria-label={city.name} className="map-link">
              <title>{city.name}</title>
              <circle cx={city.x.toFixed(1)} cy={city.y.toFixed(1)} r={(POINT_RADIUS * ratio).toFixed(1)} className="map-point" />
            </Link>
          ))}
        </g>
      </svg>
      {listed.length > 0 && (
        <details className="map-list">
          <summary>{t('as_list', { number: listed.length })}</summary>
          <ul>
            {listed.map((city) => (
              <li key={city.slug}>
                <Link to={`/cities/${city.slug}`}>{city.name}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="map-attribution">{t('attribution')}</p>
    </figure>
  );
}
