import { STEP_LABELS, type OutageStep } from '@/lib/outage-targets';
import { formatCount } from '@/lib/format';
import { formatLocal } from './format';
import styles from './outage-response.module.css';

interface Entry {
  at: string;
  actor: string | null;
  action: string;
  details: Record<string, unknown> | null;
}

function describe(entry: Entry, timezone: string): string {
  const d = entry.details ?? {};
  switch (entry.action) {
    case 'outage.declare':
      return 'Declared the outage';
    case 'outage.milestone': {
      const label = STEP_LABELS[d.step as OutageStep] ?? String(d.step);
      const to = typeof d.to === 'string' ? formatLocal(d.to, timezone) : '?';
      return typeof d.from === 'string'
        ? `${label}: corrected from ${formatLocal(d.from, timezone)} to ${to}`
        : `${label} at ${to}`;
    }
    case 'outage.compensate_all':
      return `Compensated ${formatCount(Number(d.created ?? 0))} customers${d.forced ? ' (forced while open)' : ''}`;
    default:
      return entry.action;
  }
}

/** Every change to the outage, by whom and when (the audit log). */
export function HistoryPanel({ history, timezone }: { history: Entry[]; timezone: string }) {
  return (
    <section className="card" aria-labelledby="history" data-testid="history-panel">
      <h2 id="history">History</h2>
      {history.length === 0 ? (
        <p className="muted">No changes recorded in Holdfast (imported outage).</p>
      ) : (
        <ol className={styles.history}>
          {history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <time dateTime={h.at}>{formatLocal(h.at, timezone)}</time> · {h.actor ?? 'system'} ·{' '}
              {describe(h, timezone)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
