'use client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

// A type, not an interface: ChartFrame's table takes it as a plain record.
export type TimelineRow = {
  label: string;
  /** Minutes from the start when it happened, or null. */
  actual: number | null;
  /** Minutes waited so far for a milestone that has not happened (open outage), or null. */
  waiting: number | null;
  target: number | null;
  status: 'met' | 'missed' | 'missing' | 'untimed';
};

export interface TimelineChartProps {
  rows: readonly TimelineRow[];
  /** Minutes since the start, marked while the outage is open. */
  nowMinutes: number | null;
  /** The legend's and the marker's words, in the user's language. */
  labels: { target: string; happened: string; waiting: string; now: string };
}

const STEPS = [5, 10, 15, 30, 60, 120, 240, 480, 960, 1440];

/** Round minute ticks from 0 past `max`: at most 7 of them, on a step people read (15, 30, 60…). */
function minuteTicks(max: number): number[] {
  const step = STEPS.find((s) => max / s <= 6) ?? Math.ceil(max / 6 / 1440) * 1440;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

const minutes = (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)} min` : '—');
const COLORS = {
  met: 'var(--good)',
  missed: 'var(--bad)',
  missing: 'var(--muted)',
  untimed: 'var(--chart-1)',
} as const;

/**
 * Each milestone's minutes from the start as a bar, its target beside it; pure rendering of typed
 * props. The axis ends a little after the last target or milestone, so a long wait runs off the
 * edge instead of squashing everything else.
 */
export function TimelineChart({ rows, nowMinutes, labels }: TimelineChartProps) {
  const ticks = minuteTicks(Math.max(10, ...rows.flatMap((r) => [r.actual ?? 0, r.target ?? 0])) * 1.1);
  const axisEnd = ticks[ticks.length - 1] ?? 10;
  return (
    <ResponsiveContainer width="100%" height={56 + rows.length * 44}>
      <BarChart data={[...rows]} layout="vertical" margin={{ left: 8, right: 24 }} barGap={2}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          type="number"
          domain={[0, axisEnd]}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={(v: number) => `${v} min`}
          tick={{ fontSize: 12 }}
        />
        <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => minutes(value)} />
        <Legend />
        <Bar dataKey="target" name={labels.target} fill="#c4ccd6" barSize={8} isAnimationActive={false} />
        <Bar dataKey="actual" name={labels.happened} fill="var(--good)" barSize={14} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.label} fill={COLORS[row.status]} />
          ))}
        </Bar>
        {nowMinutes === null ? null : (
          <Bar
            dataKey="waiting"
            name={labels.waiting}
            fill="var(--warn)"
            fillOpacity={0.45}
            barSize={14}
            isAnimationActive={false}
          />
        )}
        {nowMinutes !== null && nowMinutes <= axisEnd ? (
          <ReferenceLine
            x={nowMinutes}
            stroke="var(--warn)"
            strokeDasharray="4 2"
            label={{ value: labels.now, fontSize: 12, position: 'top' }}
          />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}
