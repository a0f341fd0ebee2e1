'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';

export function OverviewSnapshotCards() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.overview.snapshot.queryOptions());
  const cards = [
    { label: 'Active customers', value: data.activeCustomers, id: 'active-customers' },
    { label: 'Unresolved disputes', value: data.openDisputes, id: 'open-disputes' },
    { label: 'Pending retention cases', value: data.pendingRetentionCases, id: 'pending-retention' },
    { label: 'Outages in progress', value: data.openOutages, id: 'open-outages' },
  ];
  return (
    <section className="cards" aria-label="Current figures">
      {cards.map((card) => (
        <div className="card" key={card.id} data-testid={`kpi-${card.id}`}>
          <div className="kpi-label">{card.label}</div>
          <div className="kpi-value">{formatCount(card.value)}</div>
        </div>
      ))}
    </section>
  );
}
