import type { Formats } from '@/lib/format';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { useTranslations } from 'next-intl';
import type { Words } from '@/components/ui/vocab';
import type { QueueSort } from '@/lib/schemas/queue';
import { Money } from '../cases/cells';
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
export function queueColumns(
  display: QueueDisplay,
  now: number,
  showAssignee: boolean,
  t: ReturnType<typeof useTranslations<'queue'>>,
  words: Words,
  f: Formats,
): ColumnDef<QueueRow>[] {
  return [
    column('ref', t('columns.ref'), (r) => (
      <Link className={styles.ref} href={`/disputes/${encodeURIComponent(r.ref)}`}>
        {r.ref}
      </Link>
    )),
    column('account', t('columns.account'), (r) => (
      <Link className={styles.ref} href={customerHref(r.account)} title={r.customerName ?? undefined}>
        {r.account}
      </Link>
    )),
    column('region', t('columns.region'), (r) => r.region),
    column('cause', t('columns.cause'), (r) => words('disputeCause', r.cause), { wrap: true }),
    column(
      'bill',
      t('columns.bill'),
      (r) =>
        r.billNumber === 1 ? (
          <span className={styles.firstBill} title={t('firstBillTitle')}>
            {t('firstBill')}
          </span>
        ) : (
          (r.billNumber ?? <span className="muted">—</span>)
        ),
      { numeric: true },
    ),
    column('amount', t('columns.amount'), (r) => <Money cents={r.amountCents} currency={display.currency} />, {
      numeric: true,
    }),
    column('status', t('columns.status'), (r) => <span className="badge">{words('disputeStatus', r.status)}</span>, {
      wrap: true,
    }),
    ...(showAssignee
      ? [
          column('assignee', t('columns.assignee'), (r) =>
            r.assigneeName ? (
              <span title={r.assigneeEmail ?? undefined}>{r.assigneeName}</span>
            ) : (
              <span className="muted">{t('unassigned')}</span>
            ),
          ),
        ]
      : []),
    column('opened', t('columns.opened'), (r) => (
      <span className={styles.nowrap}>{f.instant(r.openedAt, display.timezone)}</span>
    )),
    column('due', t('columns.due'), (r) => <SlaCountdown dueAt={r.slaDueAt} now={now} timezone={display.timezone} />),
  ];
}
