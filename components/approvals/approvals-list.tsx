'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';
import { DecideControls } from './decide-controls';
import styles from './approvals.module.css';
import { AccountLink } from '../customer-360/account-link';

/** Pending credit requests of the manager's scope, oldest first. */
export function ApprovalsList() {
  const trpc = useTRPC();
  const t = useTranslations('approvals');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.approvals.list.queryOptions());
  const money = (cents: number) => f.cents(cents, data.currency);
  if (data.requests.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <div className="table-scroll">
      <table className={`data ${styles.table}`} aria-label={t('tableLabel')}>
        <thead>
          <tr>
            <th>{t('dispute')}</th>
            <th>{t('customer')}</th>
            <th>{t('rep')}</th>
            <th className={styles.num}>{t('amount')}</th>
            <th className={styles.num}>{t('disputedCredited')}</th>
            <th>{t('reason')}</th>
            <th>{t('requested')}</th>
            <th>{t('decision')}</th>
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
              <td>{f.longInstant(r.requestedAt, data.timezone)}</td>
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
