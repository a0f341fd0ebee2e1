'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import type { StoredImportReport } from '@/lib/schemas/admin-imports';
import styles from './admin-imports.module.css';
import { fileProblemText, reasonText } from './reason-text';

const PAGE = 50;
type ReportT = ReturnType<typeof useTranslations<'adminImports.report'>>;
type ReasonsT = ReturnType<typeof useTranslations<'importReasons'>>;

/** What happened, in one sentence: above all whether anything was written. */
function outcome(report: StoredImportReport, t: ReportT, reasons: ReasonsT): { ok: boolean; text: string } {
  if (report.headerError) {
    return { ok: false, text: t('headerError', { error: fileProblemText(report.headerError, reasons) }) };
  }
  if (report.csvError) {
    const message = fileProblemText(report.csvError.message, reasons);
    return { ok: false, text: t('csvError', { line: String(report.csvError.line), message }) };
  }
  if (report.committed) {
    const left = report.invalidRows > 0 ? t('leftOut', { invalid: report.invalidRows }) : '';
    return { ok: true, text: `${t('imported', { rows: report.rowsWritten })}${left}` };
  }
  if (report.invalidRows > 0) return { ok: false, text: t('allOrNothing', { invalid: report.invalidRows }) };
  return { ok: false, text: t('nothing') };
}

/** An import report: counts, the outcome, the rejects CSV link and the invalid rows, a page at a time. */
export function ImportReportView({
  report,
  rejectsHref,
}: {
  report: StoredImportReport;
  /** Set when the run wrote the valid rows and left some out. */
  rejectsHref: string | null;
}) {
  const t = useTranslations('adminImports.report');
  const f = useFormat();
  const [shown, setShown] = useState(PAGE);
  const reasons = useTranslations('importReasons');
  const result = outcome(report, t, reasons);
  const visible = report.errors.slice(0, shown);
  const hiddenListed = report.errors.length - visible.length;
  const unlisted = report.errorCount - report.errors.length;
  return (
    <section aria-label={t('label')} className={styles.section}>
      <p role="status" className={result.ok ? styles.ok : styles.bad}>
        {result.text}
      </p>
      <dl className={styles.summary}>
        <div>
          <dt>{t('rowsRead')}</dt>
          <dd data-testid="rows-read">{f.count(report.rowsRead)}</dd>
        </div>
        <div>
          <dt>{t('written')}</dt>
          <dd data-testid="rows-written">
            {f.count(report.rowsWritten)}{' '}
            <span className={styles.sub}>
              {t('newUpdated', { inserted: f.count(report.rowsInserted), updated: f.count(report.rowsUpdated) })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('rejected')}</dt>
          <dd data-testid="rows-rejected">{f.count(report.rowsRejected)}</dd>
        </div>
        <div>
          <dt>{t('mode')}</dt>
          <dd className={styles.plain}>{report.skipInvalid ? t('validRows') : t('allOrNothingMode')}</dd>
        </div>
      </dl>
      {rejectsHref ? (
        <p>
          <a className="btn btn-small" href={rejectsHref} download>
            {t('downloadRejects')}
          </a>{' '}
          <span className="muted">{t('rejectsNote')}</span>
        </p>
      ) : null}
      {report.errors.length > 0 ? (
        <div className="table-scroll">
          <table className="data" aria-label={t('invalidLabel')}>
            <caption className={styles.caption}>
              {t('caption', { invalid: report.invalidRows, problems: report.errorCount })}
            </caption>
            <thead>
              <tr>
                <th className={styles.num}>{t('line')}</th>
                <th>{t('column')}</th>
                <th>{t('value')}</th>
                <th>{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((e, i) => (
                <tr key={`${e.line}-${e.column}-${i}`}>
                  <td className={styles.num}>{e.line}</td>
                  <td>{e.column || <span className="muted">{t('wholeRow')}</span>}</td>
                  <td className={styles.value}>
                    {e.value === '' ? <span className="muted">{t('empty')}</span> : e.value}
                  </td>
                  <td className={styles.reason}>{reasonText(e.reason, reasons)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hiddenListed > 0 || unlisted > 0 ? (
            <div className={styles.actions}>
              <span className="muted">
                {t('moreNotShown', { count: f.count(hiddenListed + unlisted) })}
                {unlisted > 0 ? t('keepsFirst', { count: f.count(report.errors.length) }) : ''}.
              </span>
              {hiddenListed > 0 ? (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => setShown((n) => n + PAGE)}>
                  {t('showMore', { count: Math.min(PAGE, hiddenListed) })}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
