import { useId } from 'react';

/** One bar: its label, value and an optional second line under the label. */
export interface Bar {
  label: string;
  value: number;
  note?: string;
}

export interface BarChartProps {
  /** What the chart shows, read out by screen readers and used as the table caption. */
  title: string;
  bars: Bar[];
  /** The value of a full-width bar (default: the largest value). */
  max?: number;
  /** How a value is written next to its bar and in the table. */
  format?: (value: number) => string;
  /** Header of the value column of the data table. */
  valueLabel: string;
  /** Header of the label column of the data table. */
  labelHeader: string;
}

/**
 * Horizontal bars drawn in SVG. The same figures follow as a visually hidden table, so the chart
 * reads the same with a screen reader.
 */
export default function BarChart({ title, bars, max, format = String, valueLabel, labelHeader }: BarChartProps) {
  const id = useId();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  const labelWidth = 180;
  const width = 560;
  const barSpace = width - labelWidth - 64;
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${Math.max(row, bars.length * row)}`}
        role="img"
        aria-labelledby={`${id}-t`}
        className="chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => {
          const w = Math.max(0, (b.value / top) * barSpace);
          const y = i * row;
          return (
            <g key={`${b.label}-${i}`} transform={`translate(0 ${y})`}>
              <text x={labelWidth - 8} y={row / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              <rect x={labelWidth} y={5} width={w} height={row - 10} className="chart-bar" rx={2} />
              <text x={labelWidth + w + 6} y={row / 2} dominantBaseline="middle" className="chart-value">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b, i) => (
            <tr key={`${b.label}-${i}`}>
              <th scope="row">{b.note ? `${b.label} (${b.note})` : b.label}</th>
              <td>{format(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
