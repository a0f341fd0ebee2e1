'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatCents, formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './compensation.module.css';

/** Reps whose compensation per billing dispute is far above their peers', with the rule that flags them. */
export function CreditOutliers({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.compensation.creditOutliers.queryOptions(input));
  const money = (cents: number | null) => (cents === null ? '—' : formatCents(Math.round(cents), data.currency));
  const flagged = data.reps.filter((r) => r.flagged).length;
  return (
    <div className="card table-scroll">
      <p className={styles.rule} data-testid="outlier-rule">
        <strong>Rule.</strong> For each rep: everything they issued in the period against a billing dispute (the dispute
        credit and any goodwill on the same case), divided by the number of distinct disputes it went to = credit per
        case. Peers are the reps with at least {data.minCases} such disputes{input.region ? ` in ${input.region}` : ''};
        their median credit per case is {money(data.peerMedianCents)} ({formatCount(data.peers)} peers). A peer is{' '}
        <strong>flagged</strong> when their credit per case is more than {data.factor}× that median. Reps with fewer
        cases are listed but neither set the median nor get flagged.
      </p>
      {data.reps.length === 0 ? (
        <p className="muted">No rep issued compensation against a dispute in this period.</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <caption className={`muted ${styles.tableCaption}`}>
            {flagged === 0
              ? 'No rep is flagged.'
              : `${formatCount(flagged)} ${flagged === 1 ? 'rep is' : 'reps are'} flagged.`}
          </caption>
          <thead>
            <tr>
              <th>Rep</th>
              <th className={styles.num}>Disputes credited</th>
              <th className={styles.num}>Issued on them</th>
              <th className={styles.num}>Credit per case</th>
              <th className={styles.num}>× peer median</th>
              <th>Flag</th>
            </tr>
          </thead>
          <tbody>
            {data.reps.map((r) => (
              <tr key={r.rep} className={r.flagged ? styles.flaggedRow : undefined} data-flagged={r.flagged}>
                <td>
                  <Link href={drilldownHref('compensations', linkQuery, { issuer: r.rep })} title={r.rep}>
                    {r.name}
                  </Link>
                </td>
                <td className={styles.num}>{formatCount(r.cases)}</td>
                <td className={styles.num}>{money(r.totalCents)}</td>
                <td className={styles.num}>{money(r.perCaseCents)}</td>
                <td className={styles.num}>{r.ratioToMedian === null ? '—' : `${r.ratioToMedian.toFixed(2)}×`}</td>
                <td>
                  {r.flagged ? (
                    <span className={styles.flag}>Above peers</span>
                  ) : r.peer ? null : (
                    <span className="muted">too few cases</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
