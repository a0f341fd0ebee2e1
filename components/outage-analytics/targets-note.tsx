'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { MILESTONE_LABELS, MILESTONE_ORDER } from '@/lib/outage-targets';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-analytics.module.css';

/** The targets every figure on the page is judged against (settings), stated once. */
export function TargetsNote() {
  const trpc = useTRPC();
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  return (
    <p className={`muted ${styles.legend}`} data-testid="outage-targets">
      <strong>Targets, minutes from the start (settings):</strong>
      {MILESTONE_ORDER.map((m) => (
        <span key={m}>
          {MILESTONE_LABELS[m]} ≤ {targets[m]}
          {m === 'communicate' ? ' (communication target)' : ''}
        </span>
      ))}
    </p>
  );
}
