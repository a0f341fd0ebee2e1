'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';

export function OverviewSnapshotCards() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.overview.snapshot.queryOptions());
  const t = useTranslations('dashboard.snapshot');
  const f = useFormat();
  const cards = [
    { label: t('activeCustomers'), value: data.activeCustomers, id: 'active-customers' },
    { label: t('openDisputes'), value: data.openDisputes, id: 'open-disputes' },
    { label: t('pendingRetention'), value: data.pendingRetentionCases, id: 'pending-retention' },
    { label: t('openOutages'), value: data.openOutages, id: 'open-outages' },
  ];
  return (
    <section className="cards" aria-label={t('label')}>
      {cards.map((card) => (
        <div className="card" key={card.id} data-testid={`kpi-${card.id}`}>
          <div className="kpi-label">{card.label}</div>
          <div className="kpi-value">{f.count(card.value)}</div>
        </div>
      ))}
    </section>
  );
}
