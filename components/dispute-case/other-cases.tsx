import Link from 'next/link';
import { formatCents } from '@/lib/format';
import { formatInstant, words } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** The customer's other live cases and what this dispute was escalated to. */
export function OtherCases({ data }: { data: DisputeCaseData }) {
  const { otherOpenCases, escalations, settings } = data;
  const day = (at: Date) => formatInstant(at, settings.timezone);
  const nothing =
    otherOpenCases.disputes.length === 0 && otherOpenCases.retention.length === 0 && escalations.length === 0;
  return (
    <section className="card" aria-label="Other open cases">
      <h2>Other open cases of this customer</h2>
      {nothing ? <p className={`muted ${styles.empty}`}>None.</p> : null}
      {otherOpenCases.disputes.length > 0 ? (
        <table className={`data ${styles.table}`} aria-label="Other open disputes">
          <thead>
            <tr>
              <th>Dispute</th>
              <th>Status</th>
              <th>Cause</th>
              <th className={styles.num}>Amount</th>
              <th>Opened</th>
              <th>Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {otherOpenCases.disputes.map((d) => (
              <tr key={d.ref}>
                <td>{d.canOpen ? <Link href={`/disputes/${encodeURIComponent(d.ref)}`}>{d.ref}</Link> : d.ref}</td>
                <td>{words(d.status)}</td>
                <td>{words(d.cause)}</td>
                <td className={styles.num}>{formatCents(d.disputedAmountCents, settings.currency)}</td>
                <td>{day(d.openedAt)}</td>
                <td>{d.assigneeName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {otherOpenCases.retention.length > 0 ? (
        <>
          <h3 className={styles.subhead}>Pending retention cases</h3>
          <ul>
            {otherOpenCases.retention.map((r) => (
              <li key={r.caseRef}>
                {r.caseRef} · {words(r.reason)} · {r.repName} · opened {day(r.openedAt)}
                {r.escalatedFromRef ? <span className="muted"> (from {r.escalatedFromRef})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {escalations.length > 0 ? (
        <p className={styles.hint}>
          Escalated from this dispute: {escalations.map((e) => `${e.caseRef} (${e.outcome})`).join(', ')}
        </p>
      ) : null}
    </section>
  );
}
