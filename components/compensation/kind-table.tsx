'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { capitalize, useWords } from '@/components/ui/vocab';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import { GroupTable } from './group-table';

/** The KPI engine's `byKind` for the period. */
export function KindTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('compensation.kinds');
  const words = useWords();
  const { data } = useSuspenseQuery(trpc.compensation.summary.queryOptions(input));
  return (
    <section className="card table-scroll" aria-labelledby="by-kind">
      <h2 id="by-kind">{t('title')}</h2>
      <GroupTable
        keyLabel={t('kind')}
        rows={data.current.byKind}
        totalCents={data.current.totalCents}
        currency={data.currency}
        labelOf={(kind) => capitalize(words('compensationKind', kind))}
        hrefOf={(kind) => drilldownHref('compensations', linkQuery, { kind })}
      />
    </section>
  );
}
