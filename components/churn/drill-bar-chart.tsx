'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import { formatCount } from '@/lib/format';
import styles from './churn.module.css';

export interface DrillBar {
  key: string;
  label: string;
  count: number;
  href: string;
}

/** Counts as bars; a click on a bar, or on its link below the chart, opens the rows behind it. */
export function DrillBarChart({
  title,
  description,
  keyLabel,
  bars,
}: {
  title: string;
  description?: string;
  keyLabel: string;
  bars: readonly DrillBar[];
}) {
  const router = useRouter();
  const rows = bars.map((b) => ({ label: b.label, count: b.count }));
  const hrefByLabel = new Map(bars.map((b) => [b.label, b.href]));
  return (
    <div>
      <ChartFrame
        title={title}
        description={description}
        columns={[
          { key: 'label', label: keyLabel },
          { key: 'count', label: 'Customers' },
        ]}
        rows={rows}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="label"
          series={[{ key: 'count', label: 'Customers', color: 'var(--chart-5)' }]}
          valueKind="count"
          xTicks="all"
          onSelect={(label) => {
            const href = hrefByLabel.get(label);
            if (href) router.push(href);
          }}
        />
      </ChartFrame>
      {bars.length > 0 ? (
        <nav className={styles.drill} aria-label={`${title}: open the customers`}>
          {bars.map((b) => (
            <Link key={b.key} href={b.href}>
              {b.label} ({formatCount(b.count)})
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
