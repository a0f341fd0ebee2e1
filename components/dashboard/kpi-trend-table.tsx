'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { formatValue } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { KPI_CARDS } from '@/lib/kpi-cards';
import { useTRPC } from '@/lib/trpc/react';

const CAPTION = 'Key figures, last 12 months';

/**
 * The numbers behind the KPI cards' sparklines: the sparklines are drawings inside links, so their
 * months are reached here, by a button that opens them as a table.
 */
export function KpiTrendTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data: series } = useSuspenseQuery(trpc.dashboard.series.queryOptions(input));
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const columns = [{ key: 'month', label: 'Month' }, ...KPI_CARDS.map((c) => ({ key: c.id, label: c.label, kind: c.kind }))];
  const rows = series.map((m) => ({ month: m.month, ...Object.fromEntries(KPI_CARDS.map((c) => [c.id, c.monthly(m)])) }));
  return (
    <div className="kpi-trends">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-expanded={open}
        aria-controls={tableId}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? 'Hide the 12-month trends' : 'Show the 12-month trends as a table'}
      </button>
      <div id={tableId}>
        {open ? <ChartDataTable caption={CAPTION} columns={columns} rows={rows} formatCell={(v, kind) => formatValue(v, kind)} /> : null}
      </div>
    </div>
  );
}
