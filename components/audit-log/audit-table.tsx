'use client';
import { formatZonedInstant } from '@/lib/format';
import type { RouterOutputs } from '@/lib/trpc/types';
import { AuditDetails } from './audit-details';
import styles from './audit-log.module.css';

type AuditRow = RouterOutputs['auditLog']['list']['rows'][number];

/** One page of the audit log, newest first. */
export function AuditTable({ rows, timezone }: { rows: readonly AuditRow[]; timezone: string }) {
  if (rows.length === 0) return <p className="muted">No audit entries match these filters.</p>;
  return (
    <div className="table-scroll">
      <table className="data" aria-label="Audit log">
        <thead>
          <tr>
            <th>When ({timezone})</th>
            <th>Who</th>
            <th>Action</th>
            <th>Entity</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row">
              <td className={styles.nowrap}>{formatZonedInstant(row.at, timezone)}</td>
              <td>
                {row.actorEmail === null ? (
                  <span className="muted">system</span>
                ) : (
                  <>
                    {row.actorName}
                    <div className="muted">{row.actorEmail}</div>
                  </>
                )}
              </td>
              <td className={`${styles.code} ${styles.action}`}>{row.action}</td>
              <td className={styles.code}>
                {row.entity}
                {row.entityId ? <div>{row.entityId}</div> : null}
              </td>
              <td className={styles.details}>
                <AuditDetails details={row.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
