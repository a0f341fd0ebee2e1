import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { targetStatus } from '@/lib/outage-targets';
import styles from './outage-analytics.module.css';

/** Minutes to a milestone, coloured against its target. */
export function MilestoneCell({ minutes, target }: { minutes: number | null; target: number }) {
  const t = useTranslations('outageAnalytics');
  const f = useFormat();
  const status = targetStatus(minutes, target);
  const text = t(`status.${status}`);
  return (
    <td
      className={`${styles.num} ${styles[status]}`}
      title={t('cellTitle', { status: text, target })}
      data-status={status}
    >
      {minutes === null ? '—' : f.decimal(minutes, 1)}
      <span className={styles.srOnly}> {text}</span>
    </td>
  );
}
