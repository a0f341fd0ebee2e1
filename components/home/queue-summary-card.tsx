'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';

export function QueueSummaryCard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.queue.mySummary.queryOptions());
  return (
    <section className="cards" aria-label="My dispute queue">
      <div className="card" data-testid="queue-open">
        <div className="kpi-label">Disputes in my queue</div>
        <div className="kpi-value">{formatCount(data.open)}</div>
      </div>
      <div className="card" data-testid="queue-breached">
        <div className="kpi-label">Past the SLA</div>
        <div className="kpi-value" style={{ color: data.breached > 0 ? 'var(--bad)' : undefined }}>
          {formatCount(data.breached)}
        </div>
      </div>
      <div className="card" data-testid="queue-due-soon">
        <div className="kpi-label">Due in under 8 h</div>
        <div className="kpi-value">{formatCount(data.dueSoon)}</div>
      </div>
    </section>
  );
}
