'use client';
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
  return (
    <header className={styles.header}>
      <h1>{title}</h1>
      <span className="badge">{outageRef}</span>
      <span className={styles.severity} data-severity={severity}>
        {severity}
      </span>
      {resolvedAt ? (
        <span className={`${styles.state} ${styles.resolved}`} data-testid="outage-state">
          Resolved
        </span>
      ) : (
        <span className={`${styles.state} ${styles.open}`} data-testid="outage-state">
          Open
        </span>
      )}
      <p className={styles.when}>
        Started <time dateTime={startedAt}>{formatLocal(startedAt, timezone)}</time> ({timezone}) ·{' '}
        {resolvedAt ? (
          <>
            lasted <strong>{formatDuration(Date.parse(resolvedAt) - Date.parse(startedAt), false)}</strong>
          </>
        ) : (
          <Elapsed startedAt={startedAt} serverNow={serverNow} />
        )}
      </p>
    </header>
  );
}

function Elapsed({ startedAt, serverNow }: { startedAt: string; serverNow: string }) {
  const now = useNow(serverNow);
  return (
    <>
      running for{' '}
      <strong data-testid="elapsed" aria-live="off">
        {formatDuration(now - Date.parse(startedAt))}
      </strong>
    </>
  );
}
