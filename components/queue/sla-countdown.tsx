import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { slaStateAt } from '@/lib/schemas/queue';
import styles from './queue.module.css';

const MINUTE = 60_000;

type SlaT = ReturnType<typeof useTranslations<'queue.sla'>>;

/** A duration as "2 d 4 h", "3 h 12 m" or "12 m". */
export function formatDuration(ms: number, t: SlaT): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('days', { days, hours });
  if (hours > 0) return t('hours', { hours, minutes: rest });
  return minutes > 0 ? t('minutes', { minutes: rest }) : t('underMinute');
}

const STATE_CLASS = { breached: styles.breached, 'due-soon': styles.dueSoon, 'on-track': styles.onTrack };

/** The SLA deadline and the time left (or over), in the colour of its state. */
export function SlaCountdown({ dueAt, now, timezone }: { dueAt: Date; now: number; timezone: string }) {
  const t = useTranslations('queue.sla');
  const f = useFormat();
  const due = dueAt.getTime();
  const state = slaStateAt(due, now);
  const label =
    state === 'breached'
      ? t('breached', { duration: formatDuration(now - due, t) })
      : state === 'due-soon'
        ? t('dueIn', { duration: formatDuration(due - now, t) })
        : t('left', { duration: formatDuration(due - now, t) });
  return (
    <span
      className={styles.sla}
      data-sla-state={state}
      title={state === 'breached' ? t('pastDeadline', { duration: formatDuration(now - due, t) }) : undefined}
    >
      <span className={`${styles.slaPill} ${STATE_CLASS[state]}`}>{label}</span>
      <span className={`muted ${styles.slaDue}`}>{f.instant(dueAt, timezone)}</span>
    </span>
  );
}
