'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { VERIFIED_SAVES as T } from './verified-saves-strings';
import styles from './retention.module.css';

/** Save rate per rep and customer region, for the cases closed in the period. */
export function RepRegionTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retention.byRepRegion.queryOptions(input));
  return (
    <section aria-labelledby="rep-region" data-testid="rep-region">
      <h2 id="rep-region">{T.repRegionTitle}</h2>
      {data.length === 0 ? (
        <p className="muted">{T.repRegionEmpty}</p>
      ) : (
        <div className="card table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{T.rep}</th>
                <th scope="col">{T.region}</th>
                <th scope="col" className={styles.num}>
                  {T.closed}
                </th>
                <th scope="col" className={styles.num}>
                  {T.saved}
                </th>
                <th scope="col" className={styles.num}>
                  {T.saveRate}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={`${r.rep}-${r.region}`}>
                  <td>{r.rep}</td>
                  <td>{r.region}</td>
                  <td className={styles.num}>{T.count(r.closed)}</td>
                  <td className={styles.num}>{T.count(r.saved)}</td>
                  <td className={styles.num}>{formatRate(r.saveRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
