import { formatZonedInstant } from '@/lib/format';
import { slaStateAt } from '@/lib/schemas/queue';
import styles from './queue.module.css';

const MINUTE = 60_000;

/** A duration as "2 d 4 h", "3 h 12 m" or "12 m". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} m`;
  return minutes > 0 ? `${rest} m` : '< 1 m';
}

const STATE_CLASS = { breached: styles.breached, 'due-soon': styles.dueSoon, 'on-track': styles.onTrack };

/** The SLA deadline and the time left (or over), in the colour of its state. */
export function SlaCountdown({ dueAt, now, timezone }: { dueAt: Date; now: number; timezone: string }) {
  const due = dueAt.getTime();
  const state = slaStateAt(due, now);
  const label =
    state === 'breached'
      ? `breached +${formatDuration(now - due)}`
      : state === 'due-soon'
        ? `due in ${formatDuration(due - now)}`
        : `${formatDuration(due - now)} left`;
  return (
    <span
      className={styles.sla}
      data-sla-state={state}
      title={state === 'breached' ? `${formatDuration(now - due)} past the SLA deadline` : undefined}
    >
      <span className={`${styles.slaPill} ${STATE_CLASS[state]}`}>{label}</span>
      <span className={`muted ${styles.slaDue}`}>{formatZonedInstant(dueAt, timezone)}</span>
    </span>
  );
}
