'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import { formatRate } from '@/lib/format';
import styles from './retention.module.css';

export interface SaveBreakdownRow {
  key: string;
  label: string;
  closed: number;
  saved: number;
  saveRate: number | null;
  href: string;
}

/**
 * Closed cases broken down by one dimension: the save rate, and saves against losses, as two
 * bar charts; a click on a bar, or on its link, opens the closed cases behind it.
 */
export function SaveBreakdownCharts({ dimension, rows }: { dimension: string; rows: readonly SaveBreakdownRow[] }) {
  const router = useRouter();
  const data = rows.map((r) => ({
    label: r.label,
    closed: r.closed,
    saved: r.saved,
    lost: r.closed - r.saved,
    saveRate: r.saveRate,
  }));
  const columns = [
    { key: 'label', label: dimension },
    { key: 'closed', label: 'Closed' },
    { key: 'saved', label: 'Saved' },
    { key: 'lost', label: 'Lost' },
    { key: 'saveRate', label: 'Save rate', kind: 'rate' as const },
  ];
  const hrefByLabel = new Map(rows.map((r) => [r.label, r.href]));
  const onSelect = (label: string) => {
    const href = hrefByLabel.get(label);
    if (href) router.push(href);
  };
  const noun = dimension.toLowerCase();
  return (
    <div>
      <div className="grid-2">
        <ChartFrame
          title={`Save rate by ${noun}`}
          description="among cases closed in the period"
          columns={columns}
          rows={data}
        >
          <LazySeriesChart
            kind="bar"
            data={data}
            xKey="label"
            series={[{ key: 'saveRate', label: 'Save rate', color: 'var(--chart-3)' }]}
            valueKind="rate"
            xTicks="all"
            onSelect={onSelect}
          />
        </ChartFrame>
        <ChartFrame
          title={`Saves and losses by ${noun}`}
          description="click a bar for the cases"
          columns={columns}
          rows={data}
        >
          <LazySeriesChart
            kind="bar"
            data={data}
            xKey="label"
            series={[
              { key: 'saved', label: 'Saved', color: 'var(--chart-3)', stackId: 'outcome' },
              { key: 'lost', label: 'Lost', color: 'var(--chart-5)', stackId: 'outcome' },
            ]}
            valueKind="count"
            xTicks="all"
            onSelect={onSelect}
          />
        </ChartFrame>
      </div>
      {rows.length > 0 ? (
        <nav className={styles.drill} aria-label={`Closed cases by ${noun}`}>
          {rows.map((r) => (
            <Link key={r.key} href={r.href}>
              {r.label}: {r.saved}/{r.closed} saved ({formatRate(r.saveRate)})
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
