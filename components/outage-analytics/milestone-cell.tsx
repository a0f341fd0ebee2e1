import { targetStatus } from '@/lib/outage-targets';
import styles from './outage-analytics.module.css';

const STATUS_TEXT = { met: 'on target', missed: 'late', missing: 'not recorded' } as const;

/** Minutes to a milestone, coloured against its target. */
export function MilestoneCell({ minutes, target }: { minutes: number | null; target: number }) {
  const status = targetStatus(minutes, target);
  return (
    <td
      className={`${styles.num} ${styles[status]}`}
      title={`${STATUS_TEXT[status]} (target ${target} min)`}
      data-status={status}
    >
      {minutes === null ? '—' : minutes.toFixed(1)}
      <span className={styles.srOnly}> {STATUS_TEXT[status]}</span>
    </td>
  );
}
