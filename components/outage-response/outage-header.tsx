'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import type { OutageSeverity } from '@/lib/vocabularies';
import { formatDuration, formatLocal } from './format';
import styles from './outage-response.module.css';
import { useNow } from './use-now';

interface Props {
  outageRef: string;
  title: string;
  severity: OutageSeverity;
  startedAt: string;
  resolvedAt: string | null;
  timezone: string;
  serverNow: string;
}

/** Title, state, and the time since the start, ticking while the outage is open. */
export function OutageHeader({ outageRef, title, severity, startedAt, resolvedAt, timezone, serverNow }: Props) {
  const t = useTranslations('outageResponse');
  const f = useFormat();
  const words = useWords();
  return (
    <header className={styles.header}>
      <h1>{title}</h1>
      <span className="badge">{outageRef}</span>
      <span className={styles.severity} data-severity={severity}>
        {words('severity', severity)}
      </span>
      {resolvedAt ? (
        <span className={`${styles.state} ${styles.resolved}`} data-testid="outage-state">
          {t('header.resolved')}
        </span>
      ) : (
        <span className={`${styles.state} ${styles.open}`} data-testid="outage-state">
          {t('header.open')}
        </span>
      )}
      <p className={styles.when}>
        {t.rich('header.started', {
          at: formatLocal(startedAt, timezone, f.locale),
          timezone,
          time: (chunks) => <time dateTime={startedAt}>{chunks}</time>,
        })}{' '}
        {resolvedAt ? (
          t.rich('header.lasted', {
            duration: formatDuration(Date.parse(resolvedAt) - Date.parse(startedAt), t, false),
            strong: (chunks) => <strong>{chunks}</strong>,
          })
        ) : (
          <Elapsed startedAt={startedAt} serverNow={serverNow} />
        )}
      </p>
    </header>
  );
}

function Elapsed({ startedAt, serverNow }: { startedAt: string; serverNow: string }) {
  const t = useTranslations('outageResponse');
  const now = useNow(serverNow);
  return (
    <>
      {t('header.running')}{' '}
      <strong data-testid="elapsed" aria-live="off">
        {formatDuration(now - Date.parse(startedAt), t)}
      </strong>
    </>
  );
}
