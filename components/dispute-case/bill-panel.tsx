import { formatCents } from '@/lib/format';
import { formatDay, formatInstant, words } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** The disputed bill and what the case has established about it so far. */
export function BillPanel({ dispute, settings }: Pick<DisputeCaseData, 'dispute' | 'settings'>) {
  const money = (cents: number) => formatCents(cents, settings.currency);
  return (
    <section className="card" aria-label="Disputed bill">
      <h2>Disputed bill</h2>
      <dl className={styles.facts}>
        <dt>Bill</dt>
        <dd>
          {dispute.billNumber === null
            ? '—'
            : dispute.billNumber === 1
              ? 'No. 1 (first bill)'
              : `No. ${dispute.billNumber}`}
        </dd>
        <dt>Amount</dt>
        <dd>{money(dispute.disputedAmountCents)}</dd>
        <dt>Cause</dt>
        <dd>{words(dispute.cause)}</dd>
        <dt>Opened</dt>
        <dd>{formatInstant(dispute.openedAt, settings.timezone)}</dd>
        <dt>Undue</dt>
        <dd>
          {dispute.undueCharge === null ? 'not decided' : dispute.undueCharge ? 'yes' : 'no'}
          {dispute.undueReason ? ` — ${dispute.undueReason}` : ''}
        </dd>
        <dt>Recalculation</dt>
        <dd>
          {dispute.recalculationRef ?? '—'}
          {dispute.expectedResolutionOn ? ` · expected ${formatDay(dispute.expectedResolutionOn)}` : ''}
        </dd>
        <dt>Credited</dt>
        <dd>{money(dispute.creditedAmountCents)}</dd>
        <dt>Customer told</dt>
        <dd>
          {dispute.customerNotifiedAt
            ? `${formatInstant(dispute.customerNotifiedAt, settings.timezone)}${dispute.customerNotifiedChannel ? ` by ${dispute.customerNotifiedChannel}` : ''}`
            : 'not yet'}
        </dd>
      </dl>
    </section>
  );
}
