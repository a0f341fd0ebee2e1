'use client';
import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue, type ValueKind } from './value-format';

export interface SeriesDef {
  key: string;
  label: string;
  /** A CSS colour, e.g. `var(--chart-1)`. */
  color: string;
  stackId?: string;
}

export interface SeriesChartProps {
  kind: 'line' | 'bar';
  data: readonly Record<string, string | number | null>[];
  xKey: string;
  series: readonly SeriesDef[];
  valueKind: ValueKind;
  currency?: string;
  height?: number;
  /** Drill-down: called with the x value of the clicked bar. */
  onSelect?: (x: string) => void;
  /** `all`: label every category (slanted) instead of letting Recharts skip some when space is short. */
  xTicks?: 'auto' | 'all';
}

function categoryOf(entry: unknown, xKey: string): string {
  const value = (entry as { payload?: Record<string, unknown> }).payload?.[xKey];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Lines or (stacked) bars over a category or time axis; pure rendering of typed props. */
export function SeriesChart({ kind, data, xKey, series, valueKind, currency, height = 260, onSelect, xTicks = 'auto' }: SeriesChartProps) {
  const locale = useLocale();
  const format = (value: unknown) => formatValue(typeof value === 'number' ? value : null, valueKind, currency, locale);
  // Whole currency units on the axis: "€1,200" / "1.200 €", without the cents.
  const axisFormat = (value: unknown) =>
    valueKind === 'cents' && typeof value === 'number'
      ? formatValue(Math.round(value), 'cents', currency, locale).replace(/[.,]\d\d(?=\D*$)/, '')
      : format(value);
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
      {xTicks === 'all' ? (
        <XAxis dataKey={xKey} tick={{ fontSize: 12 }} interval={0} angle={-30} textAnchor="end" height={64} />
      ) : (
        <XAxis dataKey={xKey} tick={{ fontSize: 12 }} />
      )}
      <YAxis tickFormatter={axisFormat} tick={{ fontSize: 12 }} width={80} />
      <Tooltip formatter={(value) => format(value)} />
      {series.length > 1 ? <Legend /> : null}
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {kind === 'line' ? (
        <LineChart data={[...data]}>
          {common}
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={2} connectNulls />
          ))}
        </LineChart>
      ) : (
        <BarChart data={[...data]}>
          {common}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={s.stackId}
              cursor={onSelect ? 'pointer' : undefined}
              onClick={onSelect ? (entry) => onSelect(categoryOf(entry, xKey)) : undefined}
            />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
