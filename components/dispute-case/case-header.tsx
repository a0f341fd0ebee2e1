'use client';
import { isClosedStatus } from '@/lib/dispute-status';
import { formatInstant, relativeHours, words } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

export function CaseHeader({ data }: { data: DisputeCaseData }) {
  const { dispute, settings } = data;
  const closed = isClosedStatus(dispute.status);
  const sla = relativeHours(dispute.slaDueAt, Date.now());
  return (
    <div className={styles.header}>
      <h1>Dispute {dispute.ref}</h1>
      <span className={closed ? `badge ${styles.closed}` : 'badge'} data-testid="case-status">
        {words(dispute.status)}
      </span>
      {closed ? (
        <span className="muted">Closed {formatInstant(dispute.resolvedAt, settings.timezone)}</span>
      ) : (
        <span className={sla.late ? styles.late : 'muted'} suppressHydrationWarning>
          SLA {settings.slaHours} h: {sla.text}
        </span>
      )}
      <span className="muted">
        Assigned to {dispute.assignee ? dispute.assignee.name : 'nobody'} · version {data.version}
      </span>
    </div>
  );
}
