'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { RouterOutputs } from '@/lib/trpc/types';
import { AuditDetails } from './audit-details';
import styles from './audit-log.module.css';

type AuditRow = RouterOutputs['auditLog']['list']['rows'][number];

/** One page of the audit log, newest first. */
export function AuditTable({ rows, timezone }: { rows: readonly AuditRow[]; timezone: string }) {
  const t = useTranslations('auditLog.table');
  const f = useFormat();
  if (rows.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data" aria-label={t('label')}>
        <thead>
          <tr>
            <th>{t('when', { timezone })}</th>
            <th>{t('who')}</th>
            <th>{t('action')}</th>
            <th>{t('entity')}</th>
            <th>{t('details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row">
              <td className={styles.nowrap}>{f.instant(row.at, timezone)}</td>
              <td>
                {row.actorEmail === null ? (
                  <span className="muted">{t('system')}</span>
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
