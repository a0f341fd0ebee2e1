import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { Formats } from '@/lib/format';
import styles from './admin-imports.module.css';

export interface Progress {
  bytesSent: number;
  bytes: number;
  rowsRead: number;
  /** From counting the file's lines in the browser; null until counted. */
  rowsEstimate: number | null;
  runId: number | null;
}

type ProgressT = ReturnType<typeof useTranslations<'adminImports.progress'>>;

const size = (bytes: number, t: ProgressT, f: Formats) =>
  bytes >= 1024 * 1024
    ? t('mb', { n: f.decimal(bytes / (1024 * 1024), 1) })
    : t('kb', { n: f.count(Math.ceil(bytes / 1024)) });

/** Two bars: the file's bytes sent, and the rows the server has read (the row count is estimated). */
export function ImportProgress({ progress }: { progress: Progress }) {
  const t = useTranslations('adminImports.progress');
  const f = useFormat();
  const { bytesSent, bytes, rowsRead, rowsEstimate } = progress;
  const rowsMax = rowsEstimate === null ? null : Math.max(rowsEstimate, rowsRead, 1);
  return (
    <div className={styles.progress} role="group" aria-label={t('label')} aria-busy="true">
      <span>{t('uploaded')}</span>
      <progress aria-label={t('bytes')} value={bytesSent} max={Math.max(bytes, 1)} />
      <span className="muted">{t('of', { sent: size(bytesSent, t, f), total: size(bytes, t, f) })}</span>
      <span>{t('rowsRead')}</span>
      {rowsMax === null ? (
        <progress aria-label={t('rowsRead')} />
      ) : (
        <progress aria-label={t('rowsRead')} value={rowsRead} max={rowsMax} />
      )}
      <span className="muted" data-testid="progress-rows">
        {f.count(rowsRead)}
        {rowsMax === null ? '' : t('aboutOf', { max: f.count(rowsMax) })}
      </span>
    </div>
  );
}
