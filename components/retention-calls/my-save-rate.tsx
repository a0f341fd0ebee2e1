'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { formatCount, formatRate } from '@/lib/format';
import { PRESET_LABELS } from '@/lib/periods';
import { useTRPC } from '@/lib/trpc/react';
import { money } from './labels';
import styles from './retention-calls.module.css';

/** The rep's save rate for this month and the last 90 days, read against what the saves cost. */
export function MySaveRate() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retentionCalls.mySaveRate.queryOptions());
  return (
    <section className="cards" aria-label="My save rate">
      {data.periods.map((p) => (
        <div key={p.preset} className="card" data-testid={`save-rate-${p.preset}`}>
          <div className="kpi-label">
            Save rate · {PRESET_LABELS[p.preset]}{' '}
            <span className={styles.meta}>
              ({p.from} – {p.to})
            </span>
          </div>
          <div className={styles.rateValue}>{formatRate(p.saveRate)}</div>
          <div className={styles.meta}>
            {formatCount(p.saved)} saved · {formatCount(p.lost)} lost
          </div>
          <div className={styles.meta}>
            Offers {money(p.offerCostCents, data.currency)} ·{' '}
            {p.costPerSaveCents === null ? 'no saves yet' : `${money(p.costPerSaveCents, data.currency)} per save`}
          </div>
        </div>
      ))}
    </section>
  );
}
