'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { QueueFilters, SlaState } from '@/lib/schemas/queue';
import { useTRPC } from '@/lib/trpc/react';
import styles from './queue.module.css';

const CARDS: {
  key: 'total' | 'breached' | 'dueSoon' | 'onTrack';
  sla: SlaState | null;
  tone?: string;
}[] = [
  { key: 'total', sla: null },
  { key: 'breached', sla: 'breached', tone: styles.breachedText },
  { key: 'dueSoon', sla: 'due-soon', tone: styles.dueSoonText },
  { key: 'onTrack', sla: 'on-track' },
];

/** Counts by SLA state for the current filters; a card narrows the list to its state. */
export function QueueCounts({ filters, onPick }: { filters: QueueFilters; onPick: (sla: SlaState | null) => void }) {
  const trpc = useTRPC();
  const t = useTranslations('queue.counts');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.queue.counts.queryOptions(filters));
  return (
    <section className={`cards ${styles.counts}`} aria-label={t('label')}>
      {CARDS.map((card) => {
        const value = data[card.key];
        const active = filters.sla === card.sla;
        return (
          <button
            key={card.key}
            type="button"
            className={`card ${styles.countCard} ${active ? styles.countActive : ''}`}
            aria-pressed={active}
            data-testid={`queue-count-${card.key}`}
            data-value={value}
            onClick={() => onPick(active && card.sla !== null ? null : card.sla)}
          >
            <span className="kpi-label">{t(card.key)}</span>
            <span className={`kpi-value ${value > 0 ? (card.tone ?? '') : ''}`}>{f.count(value)}</span>
          </button>
        );
      })}
    </section>
  );
}
