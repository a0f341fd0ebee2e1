const WIDTH = 120;
const HEIGHT = 36;
const PAD = 3;

/**
 * A small trend line without axes, for KPI cards; decorative (aria-hidden): the card states the
 * figures. Plain SVG rendered with the card: a dozen points need no chart library on the first load.
 */
export function Sparkline({ values, color = 'var(--chart-1)' }: { values: readonly (number | null)[]; color?: string }) {
  const points = values.flatMap((value, index) => (value === null ? [] : [{ index, value }]));
  const lowest = Math.min(...points.map((p) => p.value));
  const highest = Math.max(...points.map((p) => p.value));
  const span = highest - lowest || 1;
  const x = (index: number) => PAD + (index / Math.max(1, values.length - 1)) * (WIDTH - 2 * PAD);
  const y = (value: number) => (highest === lowest ? HEIGHT / 2 : PAD + ((highest - value) / span) * (HEIGHT - 2 * PAD));
  const line = points.map((p) => `${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg
      className="sparkline"
      width="100%"
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {points.length > 1 && (
        <polyline points={line} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      )}
    </svg>
  );
}
