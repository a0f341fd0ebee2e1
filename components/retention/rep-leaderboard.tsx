'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { formatValue, type ValueKind } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './retention.module.css';

interface LeaderRow {
  rep: string;
  name: string;
  closed: number;
  saved: number;
  saveRate: number | null;
  savedMrrCents: number;
  offerCostCents: number;
  costPerSaveCents: number | null;
  href: string;
}

type NumericKey = 'closed' | 'saved' | 'saveRate' | 'savedMrrCents' | 'offerCostCents' | 'costPerSaveCents';

/** Numbers compare as numbers; a missing value ("—") sorts after every number, either direction. */
function nullsLast(a: Row<LeaderRow>, b: Row<LeaderRow>, columnId: string): number {
  const x = a.getValue<number | null>(columnId);
  const y = b.getValue<number | null>(columnId);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return x - y;
}

const helper = createColumnHelper<LeaderRow>();
const NUMERIC: ReadonlySet<string> = new Set<NumericKey>([
  'closed',
  'saved',
  'saveRate',
  'savedMrrCents',
  'offerCostCents',
  'costPerSaveCents',
]);

/** Reps with cases closed in the period; click a header to sort, a rep for their closed cases. */
export function RepLeaderboard({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('retention.leaderboard');
  const locale = useLocale();
  const { data } = useSuspenseQuery(trpc.retention.breakdowns.queryOptions(input));
  const [sorting, setSorting] = useState<SortingState>([{ id: 'saved', desc: true }]);

  const rows = useMemo(
    () =>
      data.leaderboard.map((r) => ({
        ...r,
        href: drilldownHref('retention-cases', linkQuery, { basis: 'closed', rep: r.rep }),
      })),
    [data.leaderboard, linkQuery],
  );
  const columns = useMemo(() => {
    const numeric = (key: NumericKey, header: string, kind: ValueKind) =>
      helper.accessor(key, {
        header,
        sortingFn: nullsLast,
        sortDescFirst: true,
        cell: (info) => formatValue(info.getValue(), kind, data.currency, locale),
      });
    return [
      helper.accessor('name', {
        header: t('rep'),
        sortingFn: 'text',
        cell: (info) => (
          <Link href={info.row.original.href} title={info.row.original.rep}>
            {info.getValue()}
          </Link>
        ),
      }),
      numeric('closed', t('closed'), 'count'),
      numeric('saved', t('saved'), 'count'),
      numeric('saveRate', t('saveRate'), 'rate'),
      numeric('savedMrrCents', t('savedMrr'), 'cents'),
      numeric('offerCostCents', t('offerCost'), 'cents'),
      numeric('costPerSaveCents', t('costPerSave'), 'cents'),
    ];
  }, [data.currency, locale, t]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <section className="card" aria-labelledby="rep-leaderboard-title">
      <h2 id="rep-leaderboard-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="rep-leaderboard">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const numeric = NUMERIC.has(header.column.id);
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={numeric ? styles.num : undefined}
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      >
                        <button
                          type="button"
                          className={styles.sortButton}
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className={styles.arrow} aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
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
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={NUMERIC.has(cell.column.id) ? styles.num : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
