'use client';
import { PagerButtons } from '@/components/ui/pager-buttons';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useQueryStates } from 'nuqs';
import { useMemo, useTransition, type ReactNode } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { drilldownParsers, type DrilldownDataset } from '@/lib/drilldown';
import { CASES_PAGE_SIZE, firstDirection, type SortDirection } from '@/lib/schemas/cases';
import styles from './cases.module.css';

/** A column of a list: its id is the sort key the server accepts. */
export interface CaseColumn<Row, Id extends string = string> {
  id: Id;
  header: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

const listState = { sort: drilldownParsers.sort, dir: drilldownParsers.dir, page: drilldownParsers.page };

export interface CasesTableProps<Row extends { id: number }> {
  /** Names the list and the plural noun of its count, e.g. "disputes". */
  dataset: DrilldownDataset;
  columns: readonly CaseColumn<Row>[];
  rows: Row[];
  total: number;
  page: number;
  sort: string;
  dir: SortDirection;
}

/**
 * One page of a drill-down list. The server sorts and pages; clicking a header or Previous/Next
 * changes `sort`, `dir` and `page` in the URL (a real navigation, so Back and shared links work).
 */
export function CasesTable<Row extends { id: number }>({
  dataset,
  columns,
  rows,
  total,
  page,
  sort,
  dir,
}: CasesTableProps<Row>) {
  const t = useTranslations('cases');
  const f = useFormat();
  const label = t(`datasets.${dataset}`);
  const [isPending, startTransition] = useTransition();
  const [, setQuery] = useQueryStates(listState, { shallow: false, history: 'push', startTransition });
  const columnDefs = useMemo(
    () => columns.map((c): ColumnDef<Row> => ({ id: c.id, header: c.header, cell: ({ row }) => c.cell(row.original) })),
    [columns],
  );
  const numeric = useMemo(() => new Set(columns.filter((c) => c.numeric).map((c) => c.id)), [columns]);
  // The server already sorted and paged these rows; the table only lays them out.
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: {
      sorting: [{ id: sort, desc: dir === 'desc' }],
      pagination: { pageIndex: page - 1, pageSize: CASES_PAGE_SIZE },
    },
  });

  const first = total === 0 ? 0 : Math.min((page - 1) * CASES_PAGE_SIZE + 1, total);
  const last = Math.min(page * CASES_PAGE_SIZE, total);
  const pages = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE));

  function sortBy(key: string) {
    const nextDir = key === sort ? (dir === 'asc' ? 'desc' : 'asc') : firstDirection(key);
    void setQuery({ sort: key, dir: nextDir, page: null });
  }

  function goTo(target: number) {
    void setQuery({ page: target <= 1 ? null : target }, { scroll: true });
  }

  return (
    <section className={styles.list} aria-label={label} aria-busy={isPending}>
      <p className={styles.summary}>
        <span className={styles.total} data-testid="cases-total" data-value={total}>
          {t('table.total', { count: f.count(total), noun: t(`nouns.${dataset}`, { count: total }) })}
        </span>
        {total > 0 ? (
          <span className="muted" data-testid="cases-range">
            {t('table.range', { first: f.count(first), last: f.count(last), total: f.count(total) })}
          </span>
        ) : null}
        {isPending ? <span className="muted">{t('table.loading')}</span> : null}
      </p>
      <div className={`table-scroll card ${styles.tableCard}`}>
        <table className="data" aria-label={label} aria-rowcount={total}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const className = [numeric.has(header.column.id) ? styles.numeric : '', sorted ? styles.sorted : '']
                    .join(' ')
                    .trim();
                  return (
                    <th
                      key={header.id}
                      className={className || undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      <button type="button" className={styles.sortButton} onClick={() => sortBy(header.column.id)}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className={`${styles.arrow} ${sorted ? '' : styles.idle}`} aria-hidden>
                          {sorted === 'desc' ? '▼' : '▲'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  return (
                    <td key={cell.id} className={numeric.has(cell.column.id) ? styles.numeric : undefined}>
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
              t('table.empty', { noun: t(`nouns.${dataset}`, { count: 2 }) })
            ) : (
              <>
                {t('table.pastEnd')}{' '}
                <button type="button" className="btn btn-ghost btn-small" onClick={() => goTo(1)}>
                  {t('table.firstPage')}
                </button>
              </>
            )}
          </p>
        ) : null}
      </div>
      {total > CASES_PAGE_SIZE || page > 1 ? (
        <nav className={styles.pager} aria-label={t('table.pages')}>
          <span className="muted">{t('table.page', { page: f.count(page), pages: f.count(pages) })}</span>
          <PagerButtons page={page} pages={pages} busy={isPending} onPage={goTo} className={styles.pagerButtons} />
        </nav>
      ) : null}
    </section>
  );
}
