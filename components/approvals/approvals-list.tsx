'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatCents } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { DecideControls } from './decide-controls';
import styles from './approvals.module.css';
import { AccountLink } from '../customer-360/account-link';

const when = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);

/** Pending credit requests of the manager's scope, oldest first. */
export function ApprovalsList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.approvals.list.queryOptions());
  const money = (cents: number) => formatCents(cents, data.currency);
  if (data.requests.length === 0) return <p className="muted">No credit waits for approval.</p>;
  return (
    <div className="table-scroll">
      <table className={`data ${styles.table}`} aria-label="Pending credit requests">
        <thead>
          <tr>
            <th>Dispute</th>
            <th>Customer</th>
            <th>Rep</th>
            <th className={styles.num}>Amount</th>
            <th className={styles.num}>Disputed / credited</th>
            <th>Reason</th>
            <th>Requested</th>
            <th>Decision</th>
          </tr>
        </thead>
        <tbody>
          {data.requests.map((r) => (
            <tr key={r.id} data-testid={`credit-request-${r.id}`}>
              <td>
                <Link href={`/disputes/${encodeURIComponent(r.disputeRef)}`}>{r.disputeRef}</Link>
              </td>
              <td>
                {r.customerName ? `${r.customerName} · ` : ''}
                <AccountLink account={r.accountNumber} /> <span className="muted">({r.regionCode})</span>
              </td>
              <td>{r.requestedBy.name}</td>
              <td className={styles.num}>
                <strong>{money(r.amountCents)}</strong>
              </td>
              <td className={styles.num}>
                {money(r.disputedAmountCents)} / {money(r.creditedAmountCents)}
              </td>
              <td className={styles.reason}>{r.reason}</td>
              <td>{when(r.requestedAt, data.timezone)}</td>
              <td>
                <DecideControls id={r.id} disputeRef={r.disputeRef} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
