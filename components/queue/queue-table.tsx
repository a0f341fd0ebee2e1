'use client';
import { PagerButtons } from '@/components/ui/pager-buttons';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import type { QueueSort } from '@/lib/schemas/queue';
import { queueColumns, type QueueColumnMeta } from './queue-columns';
import type { QueueDisplay, QueueListData, QueueRow } from './types';
import { useNow } from './use-now';
import styles from './queue.module.css';

type QueueTableT = ReturnType<typeof useTranslations<'queue.table'>>;

/** What queueColumns put in `meta` (TanStack types it as an empty interface). */
const columnMeta = (meta: QueueColumnMeta | undefined): QueueColumnMeta => meta ?? {};

const selectColumn = (t: QueueTableT): ColumnDef<QueueRow> => ({
  id: 'select',
  header: ({ table }) => (
    <input
      type="checkbox"
      aria-label={t('selectAll')}
      checked={table.getIsAllRowsSelected()}
      ref={(el) => {
        if (el) el.indeterminate = table.getIsSomeRowsSelected();
      }}
      onChange={table.getToggleAllRowsSelectedHandler()}
    />
  ),
  cell: ({ row }) => (
    <input
      type="checkbox"
      aria-label={t('selectOne', { ref: row.original.ref })}
      checked={row.getIsSelected()}
      onChange={row.getToggleSelectedHandler()}
    />
  ),
});

export interface QueueTableProps {
  data: QueueListData;
  display: QueueDisplay;
  /** Managers see the assignee and can select rows for bulk actions. */
  manager: boolean;
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
  onSort: (sort: QueueSort) => void;
  onPage: (page: number) => void;
  busy: boolean;
}

/**
 * One page of the queue. The server filters, sorts and pages; the table lays the rows out and
 * keeps the SLA countdown live on a 30 s clock.
 */
export function QueueTable({
  data,
  display,
  manager,
  selection,
  onSelectionChange,
  onSort,
  onPage,
  busy,
}: QueueTableProps) {
  const t = useTranslations('queue');
  const tt = useTranslations('queue.table');
  const words = useWords();
  const f = useFormat();
  const now = useNow(data.now.getTime());
  const columns = useMemo(() => {
    const list = queueColumns(display, now, manager, t, words, f);
    return manager ? [selectColumn(tt), ...list] : list;
  }, [display, now, manager, t, tt, words, f]);

  const { rows, total, page, pageSize, sort, dir } = data;
  // The server already sorted and paged these rows.
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.ref,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableRowSelection: manager,
    onRowSelectionChange: onSelectionChange,
    state: {
      sorting: [{ id: sort, desc: dir === 'desc' }],
      pagination: { pageIndex: page - 1, pageSize },
      rowSelection: selection,
    },
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);

  return (
    <section aria-label={tt('label')} aria-busy={busy} className={styles.list}>
      <div className={`table-scroll card ${styles.tableCard}`}>
        <table className="data" aria-rowcount={total}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = columnMeta(header.column.columnDef.meta);
                  const sorted = header.column.getIsSorted();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      className={
                        [meta.numeric ? styles.numeric : '', sorted ? styles.sorted : ''].join(' ').trim() || undefined
                      }
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {meta.sort ? (
                        <button
                          type="button"
                          className={styles.sortButton}
                          onClick={() => meta.sort && onSort(meta.sort)}
                        >
                          {content}
                          <span className={`${styles.arrow} ${sorted ? '' : styles.idle}`} aria-hidden>
                            {sorted === 'desc' ? '▼' : '▲'}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-sla-due={row.original.slaDueAt.toISOString()}
                className={row.getIsSelected() ? styles.selected : undefined}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = columnMeta(cell.column.columnDef.meta);
                  return (
                    <td key={cell.id} className={meta.numeric ? styles.numeric : meta.wrap ? styles.wrap : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className={`muted ${styles.empty}`}>
            {total === 0 ? (
              tt('empty')
            ) : (
              <>
                {tt('pastEnd')}{' '}
                <button type="button" className="btn btn-ghost btn-small" onClick={() => onPage(1)}>
                  {tt('firstPage')}
                </button>
              </>
            )}
          </p>
        ) : null}
      </div>
      <nav className={styles.pager} aria-label={tt('pages')}>
        <span className="muted" data-testid="queue-range">
          {rows.length > 0 ? tt('rows', { first: f.count(first), last: f.count(last), total: f.count(total) }) : ''}
          {pages > 1 ? tt('page', { page: f.count(page), pages: f.count(pages) }) : ''}
        </span>
        {pages > 1 || page > 1 ? (
          <PagerButtons page={page} pages={pages} busy={busy} onPage={onPage} className={styles.pagerButtons} />
        ) : null}
      </nav>
    </section>
  );
}
