// An accessible SVG bar chart: a titled, described image whose figures are
// also given in a table next to it (the table is the accessible source).
type Bar = { label: string; value: number };

export function BarChart({ bars, title, description }: { bars: Bar[]; title: string; description: string }) {
  const width = 640;
  const height = 220;
  const padding = { top: 16, right: 8, bottom: 44, left: 36 };
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = (width - padding.left - padding.right) / Math.max(1, bars.length);
  const scale = (value: number) => ((height - padding.top - padding.bottom) * value) / max;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="chart-title chart-desc" className="app-chart">
      <title id="chart-title">{title}</title>
      <desc id="chart-desc">{description}</desc>
      <line x1={padding.left} x2={width - padding.right} y1={height - padding.bottom} y2={height - padding.bottom} className="app-chart__axis" />
      <text x={padding.left - 6} y={padding.top + 4} textAnchor="end" className="app-chart__label">
        {max}
      </text>
      {bars.map((bar, i) => {
        const h = scale(bar.value);
        const x = padding.left + i * slot + slot * 0.15;
        return (
          <g key={bar.label}>
            <rect x={x} y={height - padding.bottom - h} width={slot * 0.7} height={h} className="app-chart__bar" />
            <text x={x + slot * 0.35} y={height - padding.bottom + 16} textAnchor="middle" className="app-chart__label">
              {bar.label.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
