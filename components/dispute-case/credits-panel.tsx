'use client';
import { formatCents } from '@/lib/format';
import { DecideControls } from '../approvals/decide-controls';
import { formatInstant, words } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** Credits issued on this dispute and requests above a rep's limit, which a manager can decide here. */
export function CreditsPanel({ data }: { data: DisputeCaseData }) {
  const { credits, settings, permissions, dispute } = data;
  const money = (cents: number) => formatCents(cents, settings.currency);
  const at = (value: Date | null) => formatInstant(value, settings.timezone);
  if (credits.compensations.length === 0 && credits.requests.length === 0) {
    return (
      <section className="card" aria-label="Credits">
        <h2>Credits</h2>
        <p className={`muted ${styles.empty}`}>No credit issued or requested.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Credits">
      <h2>Credits</h2>
      {credits.compensations.length > 0 ? (
        <table className={`data ${styles.table}`} aria-label="Compensations issued">
          <thead>
            <tr>
              <th>Ref</th>
              <th>Kind</th>
              <th className={styles.num}>Amount</th>
              <th>Issued</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {credits.compensations.map((c) => (
              <tr key={c.compRef}>
                <td>{c.compRef}</td>
                <td>{words(c.kind)}</td>
                <td className={styles.num}>{money(c.amountCents)}</td>
                <td>{at(c.issuedAt)}</td>
                <td>{c.issuedBy ?? 'automatic'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {credits.requests.length > 0 ? (
        <>
          <h3 className={styles.subhead}>Credit requests</h3>
          <table className={`data ${styles.table}`} aria-label="Credit requests">
            <thead>
              <tr>
                <th className={styles.num}>Amount</th>
                <th>Reason</th>
                <th>Requested</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {credits.requests.map((r) => (
                <tr key={r.id}>
                  <td className={styles.num}>{money(r.amountCents)}</td>
                  <td>{r.reason}</td>
                  <td>
                    {at(r.requestedAt)} by {r.requestedBy}
                  </td>
                  <td>
                    {r.status === 'pending' && permissions.canDecideCredits ? (
                      <DecideControls id={r.id} disputeRef={dispute.ref} />
                    ) : r.status === 'pending' ? (
                      <span className="badge">awaiting approval</span>
                    ) : (
                      <>
                        {words(r.status)} by {r.decidedBy ?? '—'}, {at(r.decidedAt)}
                        {r.decisionNote ? <span className="muted"> — {r.decisionNote}</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
