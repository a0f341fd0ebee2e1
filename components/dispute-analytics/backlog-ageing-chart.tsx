'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** The backlog at the end of the period by age since opened; a bar opens its disputes. */
export function BacklogAgeingChart({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.disputes.backlogAgeing.queryOptions(input));
  const total = data.reduce((sum, b) => sum + b.count, 0);
  const hrefOf = (bucket: string) => drilldownHref('disputes', linkQuery, { basis: 'backlog', age: bucket });
  const rows = data.map((b) => ({ age: b.label, count: b.count }));
  return (
    <div>
      <ChartFrame
        title="Backlog ageing at the end of the period"
        description={`${formatCount(total)} disputes still open at the end of ${input.to}, by time since opened`}
        columns={[
          { key: 'age', label: 'Open for' },
          { key: 'count', label: 'Disputes' },
        ]}
        rows={total === 0 ? [] : rows}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="age"
          series={[{ key: 'count', label: 'Disputes', color: 'var(--chart-2)' }]}
          valueKind="count"
          onSelect={(label) => {
            const bucket = data.find((b) => b.label === label);
            if (bucket) router.push(hrefOf(bucket.bucket));
          }}
        />
      </ChartFrame>
      <ul className={styles.drillList} aria-label="Open the disputes of an age bucket">
        {data.map((b) => (
          <li key={b.bucket}>
            <Link href={hrefOf(b.bucket)}>
              {b.label}: {formatCount(b.count)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
