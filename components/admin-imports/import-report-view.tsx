'use client';
import { useState } from 'react';
import type { StoredImportReport } from '@/lib/schemas/admin-imports';
import { formatCount } from '@/lib/format';
import styles from './admin-imports.module.css';

const PAGE = 50;
const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

/** What happened, in one sentence: above all whether anything was written. */
function outcome(report: StoredImportReport): { ok: boolean; text: string } {
  if (report.headerError) return { ok: false, text: `${report.headerError} No row was read; nothing was written.` };
  if (report.csvError) {
    return { ok: false, text: `Line ${report.csvError.line}: ${report.csvError.message} Nothing was written.` };
  }
  if (report.committed) {
    const left = report.invalidRows > 0 ? ` ${plural(report.invalidRows, 'invalid row')} left out.` : '';
    return { ok: true, text: `Imported: ${plural(report.rowsWritten, 'row')} written.${left}` };
  }
  if (report.invalidRows > 0) {
    return {
      ok: false,
      text: `${plural(report.invalidRows, 'invalid row')}, so nothing was written (all or nothing). Fix the rows below and upload again, or choose “Import the valid rows”.`,
    };
  }
  return { ok: false, text: 'Nothing was written.' };
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
  const [shown, setShown] = useState(PAGE);
  const result = outcome(report);
  const visible = report.errors.slice(0, shown);
  const hiddenListed = report.errors.length - visible.length;
  const unlisted = report.errorCount - report.errors.length;
  return (
    <section aria-label="Import report" className={styles.section}>
      <p role="status" className={result.ok ? styles.ok : styles.bad}>
        {result.text}
      </p>
      <dl className={styles.summary}>
        <div>
          <dt>Rows read</dt>
          <dd data-testid="rows-read">{formatCount(report.rowsRead)}</dd>
        </div>
        <div>
          <dt>Written</dt>
          <dd data-testid="rows-written">
            {formatCount(report.rowsWritten)}{' '}
            <span className={styles.sub}>
              ({formatCount(report.rowsInserted)} new, {formatCount(report.rowsUpdated)} updated)
            </span>
          </dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd data-testid="rows-rejected">{formatCount(report.rowsRejected)}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd className={styles.plain}>{report.skipInvalid ? 'Import the valid rows' : 'All or nothing'}</dd>
        </div>
      </dl>
      {rejectsHref ? (
        <p>
          <a className="btn btn-small" href={rejectsHref} download>
            Download rejects CSV
          </a>{' '}
          <span className="muted">the invalid rows with a reason column, to fix and upload again</span>
        </p>
      ) : null}
      {report.errors.length > 0 ? (
        <div className="table-scroll">
          <table className="data" aria-label="Invalid rows">
            <caption className={styles.caption}>
              {plural(report.invalidRows, 'invalid row')}, {plural(report.errorCount, 'problem')}
            </caption>
            <thead>
              <tr>
                <th className={styles.num}>Line</th>
                <th>Column</th>
                <th>Value</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((e, i) => (
                <tr key={`${e.line}-${e.column}-${i}`}>
                  <td className={styles.num}>{e.line}</td>
                  <td>{e.column || <span className="muted">(whole row)</span>}</td>
                  <td className={styles.value}>{e.value === '' ? <span className="muted">(empty)</span> : e.value}</td>
                  <td className={styles.reason}>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hiddenListed > 0 || unlisted > 0 ? (
            <div className={styles.actions}>
              <span className="muted">
                {formatCount(hiddenListed + unlisted)} more not shown
                {unlisted > 0 ? ` (the report keeps the first ${formatCount(report.errors.length)} problems)` : ''}.
              </span>
              {hiddenListed > 0 ? (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => setShown((n) => n + PAGE)}>
                  Show {Math.min(PAGE, hiddenListed)} more
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
