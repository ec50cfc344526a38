import { useId } from 'react';

/** One point of a series: x is usually a year. */
export interface Point {
  x: number;
  y: number;
}

export interface LineChartProps {
  title: string;
  points: Point[];
  /** Headers of the data table's two columns. */
  xLabel: string;
  yLabel: string;
  format?: (value: number) => string;
}

/**
 * A line over x (years), with the first and last x and the top value marked, and the same
 * figures as a visually hidden table.
 */
export default function LineChart({ title, points, xLabel, yLabel, format = String }: LineChartProps) {
  const id = useId();
  const width = 560;
  const height = 220;
  const pad = { left: 48, right: 16, top: 16, bottom: 32 };
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const maxY = Math.max(1, ...points.map((p) => p.y));
  const sx = (x: number) => pad.left + (maxX === minX ? 0.5 : (x - minX) / (maxX - minX)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (y / maxY) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      {points.length > 0 && (
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
          <path d={path} className="chart-line" fill="none" />
          {points.map((p) => (
            <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3} className="chart-dot" />
          ))}
        </svg>
      )}
      <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xLabel}</th>
            <th scope="col">{yLabel}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
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
