import { useId } from 'react';

/** One point of a series: x is usually a year. */
export interface Point {
  x: number;
  y: number;
}

/** A named series of points. */
export interface Series {
  label: string;
  points: Point[];
}

export interface LineChartProps {
  title: string;
  points: Point[];
  /** Headers of the data table's two columns. */
  xLabel: string;
  yLabel: string;
  format?: (value: number) => string;
  /**
   * A second series to compare with (such as reported figures beside recorded ones): drawn as a
   * dashed line with square marks, named in a legend and given a third column in the table.
   */
  compare?: Series;
  /** The table's text where one series has no value for an x (default: an en dash). */
  missing?: string;
}

/**
 * A line over x (years), with the first and last x and the top value marked, and the same
 * figures as a visually hidden table; optionally a second, dashed line to compare with.
 */
export default function LineChart({ title, points, xLabel, yLabel, format = String, compare, missing = '–' }: LineChartProps) {
  const id = useId();
  const width = 560;
  const height = 220;
  const pad = { left: 48, right: 16, top: 16, bottom: 32 };
  const second = compare && compare.points.length > 0 ? compare : undefined;
  const all = [...points, ...(second?.points ?? [])];
  const xs = all.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const maxY = Math.max(1, ...all.map((p) => p.y));
  const sx = (x: number) => pad.left + (maxX === minX ? 0.5 : (x - minX) / (maxX - minX)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (y / maxY) * (height - pad.top - pad.bottom);
  const pathOf = (series: Point[]) =>
    series.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const years = [...new Set(xs)].sort((a, b) => a - b);
  const valueAt = (series: Point[], x: number) => series.find((p) => p.x === x)?.y;
  const cell = (value: number | undefined) => (value == null ? missing : format(value));
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      {second && (
        <ul className="chart-legend">
          <li>
            <svg viewBox="0 0 24 8" width="24" height="8" aria-hidden="true" className="chart-key">
              <line x1="0" x2="24" y1="4" y2="4" className="chart-line" />
            </svg>{' '}
            {yLabel}
          </li>
          <li>
            <svg viewBox="0 0 24 8" width="24" height="8" aria-hidden="true" className="chart-key">
              <line x1="0" x2="24" y1="4" y2="4" className="chart-line-compare" />
            </svg>{' '}
            {second.label}
          </li>
        </ul>
      )}
      {all.length > 0 && (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`} className="chart-svg">
          <line x1={pad.left} x2={width - pad.right} y1={sy(0)} y2={sy(0)} className="chart-axis" />
          <line x1={pad.left} x2={pad.left} y1={pad.top} y2={sy(0)} className="chart-axis" />
          <text x={pad.left - 6} y={sy(maxY)} textAnchor="end" dominantBaseline="middle" className="chart-label">
            {format(maxY)}
          </text>
          <text x={pad.left - 6} y={sy(0)} textAnchor="end" dominantBaseline="middle" className="chart-label">
            0
          </text>
          <text x={sx(minX)} y={height - 10} textAnchor="start" className="chart-label">
            {minX}
          </text>
          {maxX !== minX && (
            <text x={sx(maxX)} y={height - 10} textAnchor="end" className="chart-label">
              {maxX}
            </text>
          )}
          {points.length > 0 && <path d={pathOf(points)} className="chart-line" fill="none" />}
          {points.map((p) => (
            <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3} className="chart-dot" />
          ))}
          {second && (
            <>
              <path d={pathOf(second.points)} className="chart-line-compare" fill="none" />
              {second.points.map((p) => (
                <rect key={p.x} x={sx(p.x) - 3.5} y={sy(p.y) - 3.5} width={7} height={7} className="chart-dot-compare" />
              ))}
            </>
          )}
        </svg>
      )}
      <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xLabel}</th>
            <th scope="col">{yLabel}</th>
            {second && <th scope="col">{second.label}</th>}
          </tr>
        </thead>
        <tbody>
          {second
            ? years.map((x) => (
                <tr key={x}>
                  <th scope="row">{x}</th>
                  <td>{cell(valueAt(points, x))}</td>
                  <td>{cell(valueAt(second.points, x))}</td>
                </tr>
              ))
            : points.map((p) => (
                <tr key={p.x}>
                  <th scope="row">{p.x}</th>
                  <td>{format(p.y)}</td>
                </tr>
              ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
