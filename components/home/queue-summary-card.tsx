'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';

export function QueueSummaryCard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.queue.mySummary.queryOptions());
  const t = useTranslations('dashboard.queueSummary');
  const f = useFormat();
  return (
    <section className="cards" aria-label={t('label')}>
      <div className="card" data-testid="queue-open">
        <div className="kpi-label">{t('open')}</div>
        <div className="kpi-value">{f.count(data.open)}</div>
      </div>
      <div className="card" data-testid="queue-breached">
        <div className="kpi-label">{t('breached')}</div>
        <div className="kpi-value" style={{ color: data.breached > 0 ? 'var(--bad)' : undefined }}>
          {f.count(data.breached)}
        </div>
      </div>
      <div className="card" data-testid="queue-due-soon">
        <div className="kpi-label">{t('dueSoon')}</div>
        <div className="kpi-value">{f.count(data.dueSoon)}</div>
      </div>
    </section>
  );
}
