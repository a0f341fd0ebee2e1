'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatCount, formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './churn.module.css';

const HORIZON = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * Shade from the surface colour (lowest share shown) to the first chart colour (highest): shares
 * cluster near 100%, so an absolute 0..100% scale would paint every cell alike.
 */
function cellStyle(share: number, low: number, high: number) {
  const position = high > low ? (share - low) / (high - low) : 1;
  // At most 72% of the chart colour: dark text keeps a 4.5:1 contrast on every shade (WCAG AA),
  // where white text on the darker shades fell below it.
  const pct = Math.round(12 + position * 60);
  return {
    background: `color-mix(in srgb, var(--chart-1) ${pct}%, var(--surface))`,
    color: 'var(--text)',
  };
}

/** Activation cohorts × months since activation, as a table whose cells are shaded by the share still active. */
export function CohortHeatmap({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.churn.cohorts.queryOptions(input));
  const titleId = useId();
  const shares = data.flatMap((row) => row.retention.filter((share): share is number => share !== null));
  const low = shares.length ? Math.min(...shares) : 0;
  const high = shares.length ? Math.max(...shares) : 1;
  return (
    <figure className="card chart-frame" aria-labelledby={titleId}>
      <div className="chart-head">
        <figcaption id={titleId}>
          <strong>Cohort retention</strong>
          <span className="muted"> — share of each activation month still active at the start of month +1 … +12</span>
        </figcaption>
      </div>
      <div className="table-scroll">
        <table className={`data ${styles.heatmap}`} aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Cohort</th>
              <th scope="col">Customers</th>
              {HORIZON.map((k) => (
                <th scope="col" key={k}>
                  +{k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.cohort}>
                <th scope="row">{row.cohort}</th>
                <td className={styles.size}>{formatCount(row.size)}</td>
                {HORIZON.map((k) => {
                  const share = row.retention[k - 1] ?? null;
                  return share === null ? (
                    <td key={k} className={`${styles.cell} ${styles.empty}`} aria-label="not known yet">
                      ·
                    </td>
                  ) : (
                    <td key={k} className={styles.cell} style={cellStyle(share, low, high)}>
                      {formatRate(share, 0)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.scale} aria-hidden="true">
        <span className="muted">{formatRate(low, 0)}</span>
        <span className={styles.scaleBar} />
        <span className="muted">{formatRate(high, 0)}</span>
        <span className="muted">· = not known yet</span>
      </div>
    </figure>
  );
}
