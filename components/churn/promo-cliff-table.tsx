'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatCents, formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './churn.module.css';
import { AccountLink } from '../customer-360/account-link';

/** Active customers whose promotion ends in the next 60 days, and what their bill will jump by. */
export function PromoCliffTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.churn.promoCliff.queryOptions(input));
  const money = (cents: number | null) => (cents === null ? '—' : formatCents(cents, data.currency));
  return (
    <section className="card" aria-labelledby="promo-cliff-title">
      <h2 id="promo-cliff-title">Promo cliff</h2>
      <p className="muted">
        Active customers whose promotion ends from {data.from} to {data.to} (today + 60 days), soonest first. Their bill
        goes up by the promotion&apos;s monthly discount.
      </p>
      <div className={styles.summary}>
        <span data-testid="promo-cliff-count">
          <strong>{formatCount(data.count)}</strong> customers
        </span>
        <span data-testid="promo-cliff-total">
          <strong>{money(data.totalJumpCents)}</strong> total monthly jump
        </span>
        {data.truncated ? <span className="muted">showing the first {formatCount(data.rows.length)}</span> : null}
      </div>
      {data.rows.length === 0 ? (
        <p className="muted">No promotion ends in the next 60 days.</p>
      ) : (
        <div className={styles.scroll}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Region</th>
                <th scope="col">Plan</th>
                <th scope="col">Promo ends</th>
                <th scope="col" className={styles.num}>
                  Monthly fee now
                </th>
                <th scope="col" className={styles.num}>
                  Price jump
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.accountNumber}>
                  <td>
                    <AccountLink account={row.accountNumber} />
                    {row.customerName ? <div className="muted">{row.customerName}</div> : null}
                  </td>
                  <td>{row.region}</td>
                  <td>{row.plan ?? '—'}</td>
                  <td>{row.promoEndDate}</td>
                  <td className={styles.num}>{money(row.monthlyFeeCents)}</td>
                  <td className={`${styles.num} ${styles.jump}`}>
                    {row.priceJumpCents === null ? '—' : `+${money(row.priceJumpCents)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
