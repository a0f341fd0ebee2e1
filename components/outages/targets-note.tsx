'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { MILESTONE_LABELS, MILESTONE_ORDER, outageTargets } from '@/lib/outage-targets';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outages.module.css';

/** The targets every figure on the page is judged against, stated once. */
export function TargetsNote({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const targets = outageTargets(data.commTargetMinutes);
  return (
    <p className={`muted ${styles.legend}`} data-testid="outage-targets">
      <strong>Targets, minutes from the start:</strong>
      {MILESTONE_ORDER.map((m) => (
        <span key={m}>
          {MILESTONE_LABELS[m]} ≤ {targets[m]}
          {m === 'communicate' ? ' (communication target setting)' : ''}
        </span>
      ))}
    </p>
  );
}
