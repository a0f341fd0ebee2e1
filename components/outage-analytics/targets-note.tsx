'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { MILESTONE_ORDER } from '@/lib/outage-targets';
import { useWords } from '@/components/ui/vocab';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-analytics.module.css';

/** The targets every figure on the page is judged against (settings), stated once. */
export function TargetsNote() {
  const trpc = useTRPC();
  const t = useTranslations('outageAnalytics.targets');
  const words = useWords();
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  return (
    <p className={`muted ${styles.legend}`} data-testid="outage-targets">
      <strong>{t('title')}</strong>
      {MILESTONE_ORDER.map((m) => (
        <span key={m}>
          {t('item', { label: words('milestone', m), target: targets[m] })}
          {m === 'communicate' ? t('communication') : ''}
        </span>
      ))}
    </p>
  );
}
