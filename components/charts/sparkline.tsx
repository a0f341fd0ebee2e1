'use client';
import { Line, LineChart, ResponsiveContainer } from 'recharts';

/** A small trend line without axes, for KPI cards; decorative (aria-hidden): the card states the figures. */
export function Sparkline({ values, color = 'var(--chart-1)' }: { values: readonly (number | null)[]; color?: string }) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <ResponsiveContainer width="100%" height={36} aria-hidden="true">
      <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
        <Line type="monotone" dataKey="value" stroke={color} dot={false} strokeWidth={1.5} connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
