// Small hand-written SVG charts. All values go through attributes and text nodes; nothing is parsed as markup.
// Time runs left to right in every language, so the charts keep dir="ltr" inside a mirrored page.

export function Sparkline({ values, label, testId }: { values: number[]; label: string; testId?: string }) {
  const w = 100;
  const h = 24;
  const points = values.length > 0 ? values : [0];
  const step = points.length > 1 ? w / (points.length - 1) : w;
  const coords = points.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - Math.max(0, Math.min(1, v)) * (h - 4)).toFixed(1)}`);
  const last = points[points.length - 1];
  const rising = points.length > 1 && last > points[0];
  return (
    <svg class={`sparkline${rising ? ' rising' : ''}`} data-testid={testId} viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none"
      role="img" aria-label={label} dir="ltr">
      <line class="threshold" x1="0" x2={w} y1={h - 2 - 0.8 * (h - 4)} y2={h - 2 - 0.8 * (h - 4)} />
      <polyline points={coords.join(' ')} />
    </svg>
  );
}

export interface Series { label: string; values: (number | null)[]; cls: string; dashed?: boolean }

/** A line chart with a y scale, x labels at both ends and the middle, and a legend. */
export function LineChart({ title, series, xLabels, max, format }: {
  title: string; series: Series[]; xLabels: string[]; max?: number; format: (v: number) => string;
}) {
  const w = 600;
  const h = 160;
  const padL = 44;
  const padB = 18;
  const n = Math.max(1, ...series.map(s => s.values.length));
  const top = max ?? Math.max(1e-9, ...series.flatMap(s => s.values.filter((v): v is number => v !== null)));
  const x = (i: number) => padL + (n > 1 ? (i * (w - padL - 4)) / (n - 1) : 0);
  const y = (v: number) => 4 + (h - padB - 8) * (1 - Math.max(0, Math.min(1, v / top)));
  const ticks = [0, 0.5, 1];
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} dir="ltr">
        {ticks.map(f => (
          <g key={f}>
            <line class="grid" x1={padL} x2={w} y1={y(top * f)} y2={y(top * f)} />
            <text class="axis" x={padL - 4} y={y(top * f) + 4} text-anchor="end">{format(top * f)}</text>
          </g>
        ))}
        {series.map(s => {
          const segments: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (v === null) segments.push([]);
            else segments[segments.length - 1].push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
          });
          return segments.filter(seg => seg.length > 0).map((seg, i) => (
            <polyline key={`${s.label}${i}`} class={`series ${s.cls}${s.dashed ? ' dashed' : ''}`} points={seg.join(' ')} />
          ));
        })}
        {xLabels.length > 0 && [0, Math.floor((xLabels.length - 1) / 2), xLabels.length - 1].map((i, k) => (
          <text key={k} class="axis" x={x(i)} y={h - 4} text-anchor={k === 0 ? 'start' : k === 2 ? 'end' : 'middle'}>{xLabels[i]}</text>
        ))}
      </svg>
      <ul class="legend">
        {series.map(s => <li key={s.label}><span class={`swatch ${s.cls}${s.dashed ? ' dashed' : ''}`} aria-hidden="true" />{s.label}</li>)}
      </ul>
    </figure>
  );
}

/** A horizontal 0..1 bar (risk overlay). */
export function RiskBar({ value, label }: { value: number; label: string }) {
  const v = Math.max(0, Math.min(1, value));
  return (
    <span class="riskbar" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={v} aria-label={label}>
      <span class={`fill ${v >= 0.8 ? 'hot' : v >= 0.5 ? 'warm' : 'cool'}`} ref={el => { if (el) el.style.inlineSize = `${(v * 100).toFixed(1)}%`; }} />
    </span>
  );
}
