import { formatZonedInstant } from '@/lib/format';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { QueueSort } from '@/lib/schemas/queue';
import { Money, words } from '../cases/cells';
import { SlaCountdown } from './sla-countdown';
import type { QueueDisplay, QueueRow } from './types';
import styles from './queue.module.css';
import { customerHref } from '@/lib/customer-links';

export interface QueueColumnMeta {
  /** The server sort key of the column; columns without one cannot be sorted. */
  sort?: QueueSort;
  numeric?: boolean;
  /** Long words that may wrap, so the table fits beside the sidebar. */
  wrap?: boolean;
}

const column = (
  id: QueueSort,
  header: string,
  cell: (row: QueueRow) => ReactNode,
  layout: Omit<QueueColumnMeta, 'sort'> = {},
): ColumnDef<QueueRow> => ({
  id,
  header,
  cell: ({ row }) => cell(row.original),
  meta: { sort: id, ...layout } satisfies QueueColumnMeta,
});

/** The queue's columns; the SLA column reads the page clock, so it is rebuilt on every tick. */
export function queueColumns(display: QueueDisplay, now: number, showAssignee: boolean): ColumnDef<QueueRow>[] {
  return [
    column('ref', 'Ref', (r) => (
      <Link className={styles.ref} href={`/disputes/${encodeURIComponent(r.ref)}`}>
        {r.ref}
      </Link>
    )),
    column('account', 'Account', (r) => (
      <Link className={styles.ref} href={customerHref(r.account)} title={r.customerName ?? undefined}>
        {r.account}
      </Link>
    )),
    column('region', 'Region', (r) => r.region),
    column('cause', 'Cause', (r) => words(r.cause), { wrap: true }),
    column(
      'bill',
      'Bill #',
      (r) =>
        r.billNumber === 1 ? (
          <span className={styles.firstBill} title="The customer's first bill">
            1 · first bill
          </span>
        ) : (
          (r.billNumber ?? <span className="muted">—</span>)
        ),
      { numeric: true },
    ),
    column('amount', 'Amount', (r) => <Money cents={r.amountCents} currency={display.currency} />, { numeric: true }),
    column('status', 'Status', (r) => <span className="badge">{words(r.status)}</span>, { wrap: true }),
    ...(showAssignee
      ? [
          column('assignee', 'Assignee', (r) =>
            r.assigneeName ? (
              <span title={r.assigneeEmail ?? undefined}>{r.assigneeName}</span>
            ) : (
              <span className="muted">unassigned</span>
            ),
          ),
        ]
      : []),
    column('opened', 'Opened', (r) => (
      <span className={styles.nowrap}>{formatZonedInstant(r.openedAt, display.timezone)}</span>
    )),
    column('due', 'SLA due', (r) => <SlaCountdown dueAt={r.slaDueAt} now={now} timezone={display.timezone} />),
  ];
}
