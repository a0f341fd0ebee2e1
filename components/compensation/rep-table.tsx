'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './compensation.module.css';
import { GroupTable } from './group-table';

/** The KPI engine's `byRep` (the issuing rep, `automatic` without one) for the period. */
export function CompensationRepTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('compensation.reps');
  const { data } = useSuspenseQuery(trpc.compensation.summary.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  const labelOf = (key: string) =>
    key === 'automatic' ? t('automatic') : (options.reps.find((r) => r.email === key)?.name ?? key);
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>{t('caption')}</p>
      <GroupTable
        keyLabel={t('issuedBy')}
        rows={data.current.byRep}
        totalCents={data.current.totalCents}
        currency={data.currency}
        labelOf={labelOf}
        hrefOf={(issuer) => drilldownHref('compensations', linkQuery, { issuer })}
      />
    </div>
  );
}
