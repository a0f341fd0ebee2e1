'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { formatValue } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { KPI_CARDS } from '@/lib/kpi-cards';
import { useTRPC } from '@/lib/trpc/react';

/**
 * The numbers behind the KPI cards' sparklines: the sparklines are drawings inside links, so their
 * months are reached here, by a button that opens them as a table.
 */
export function KpiTrendTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data: series } = useSuspenseQuery(trpc.dashboard.series.queryOptions(input));
  const [open, setOpen] = useState(false);
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const tableId = useId();
  const columns = [
    { key: 'month', label: t('trends.month') },
    ...KPI_CARDS.map((c) => ({ key: c.id, label: t(`kpi.${c.id}`), kind: c.kind })),
  ];
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
        {open ? t('trends.hide') : t('trends.show')}
      </button>
      <div id={tableId}>
        {open ? <ChartDataTable caption={t('trends.caption')} columns={columns} rows={rows} formatCell={(v, kind) => formatValue(v, kind, undefined, locale)} /> : null}
      </div>
    </div>
  );
}
