import { formatCount } from '@/lib/format';
import styles from './admin-imports.module.css';

export interface Progress {
  bytesSent: number;
  bytes: number;
  rowsRead: number;
  /** From counting the file's lines in the browser; null until counted. */
  rowsEstimate: number | null;
  runId: number | null;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Two bars: the file's bytes sent, and the rows the server has read (the row count is estimated). */
export function ImportProgress({ progress }: { progress: Progress }) {
  const { bytesSent, bytes, rowsRead, rowsEstimate } = progress;
  const rowsMax = rowsEstimate === null ? null : Math.max(rowsEstimate, rowsRead, 1);
  return (
    <div className={styles.progress} role="group" aria-label="Import progress" aria-busy="true">
      <span>Uploaded</span>
      <progress aria-label="Bytes uploaded" value={bytesSent} max={Math.max(bytes, 1)} />
      <span className="muted">
        {size(bytesSent)} of {size(bytes)}
      </span>
      <span>Rows read</span>
      {rowsMax === null ? (
        <progress aria-label="Rows read" />
      ) : (
        <progress aria-label="Rows read" value={rowsRead} max={rowsMax} />
      )}
      <span className="muted" data-testid="progress-rows">
        {formatCount(rowsRead)}
        {rowsMax === null ? '' : ` of about ${formatCount(rowsMax)}`}
      </span>
    </div>
  );
}
