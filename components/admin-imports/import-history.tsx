'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './admin-imports.module.css';
import { entityLabel, failureText, formatWhen } from './format-run';

/** The latest 50 imports (admin screen and API), newest first, each linking to its report. */
export function ImportHistory() {
  const trpc = useTRPC();
  const t = useTranslations('adminImports');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.imports.runs.queryOptions());
  if (data.runs.length === 0) return <p className="muted">{t('historyTable.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data" aria-label={t('historyTable.label')}>
        <thead>
          <tr>
            <th>{t('historyTable.when')}</th>
            <th>{t('historyTable.who')}</th>
            <th>{t('historyTable.data')}</th>
            <th>{t('historyTable.file')}</th>
            <th>{t('historyTable.mode')}</th>
            <th>{t('historyTable.status')}</th>
            <th className={styles.num}>{t('historyTable.read')}</th>
            <th className={styles.num}>{t('historyTable.written')}</th>
            <th className={styles.num}>{t('historyTable.rejected')}</th>
            <th>{t('historyTable.report')}</th>
          </tr>
        </thead>
        <tbody>
          {data.runs.map((run) => (
            <tr key={run.id} data-testid={`import-run-${run.id}`}>
              <td className={styles.nowrap}>{formatWhen(run.startedAt, data.timezone, f.locale)}</td>
              <td>{run.startedByName ?? <span className="muted">{t('historyTable.commandLine')}</span>}</td>
              <td>{entityLabel(run.entity, t)}</td>
              <td className={styles.value}>{run.fileName ?? <span className="muted">{t('historyTable.api')}</span>}</td>
              <td>{run.skipInvalid ? t('historyTable.validRows') : t('historyTable.allOrNothing')}</td>
              <td
                className={run.status === 'committed' ? styles.ok : run.status === 'running' ? undefined : styles.bad}
              >
                {t(`status.${run.status}`)}
                {run.status === 'failed' ? (
                  <div className={styles.reason}>{failureText(run.failureReason, t)}</div>
                ) : null}
              </td>
              <td className={styles.num}>{f.count(run.rowsRead)}</td>
              <td className={styles.num}>{f.count(run.rowsWritten)}</td>
              <td className={styles.num}>{f.count(run.rowsRejected)}</td>
              <td className={styles.nowrap}>
                <Link href={`/admin/imports/${run.id}`}>{t('historyTable.report')}</Link>
                {run.hasRejects ? (
                  <>
                    {' · '}
                    <a href={`/api/v1/admin/imports/${run.id}/rejects`} download>
                      {t('historyTable.rejectsCsv')}
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
