'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { formatCount, formatZonedInstant } from '@/lib/format';
import { MONTHLY_OFFERS } from '@/lib/schemas/retention-calls';
import { useTRPC } from '@/lib/trpc/react';
import type { OfferType } from '@/lib/vocabularies';
import { CloseCaseForm } from './close-case-form';
import { label, money } from './labels';
import styles from './retention-calls.module.css';
import { AccountLink } from '../customer-360/account-link';

const OUTCOME_BADGE = { pending: styles.pendingBadge, saved: styles.savedBadge, churned: styles.churned } as const;
const COLUMNS = 10;

function offerText(offerType: OfferType, monthlyCents: number, months: number, currency: string): string {
  if (MONTHLY_OFFERS.includes(offerType) && monthlyCents > 0) {
    return `${label(offerType)} ${money(monthlyCents, currency)} × ${months} mo`;
  }
  return label(offerType);
}

/** The rep's own cases, pending first, 50 a page; a pending case closes in place. */
export function MyCases({ page }: { page: number }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retentionCalls.myCases.queryOptions({ page }));
  const [closing, setClosing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <section aria-labelledby="my-cases-title">
      <div className={styles.toolbar}>
        <h2 id="my-cases-title" style={{ margin: 0 }}>
          My cases{' '}
          <span className={styles.meta}>
            {formatCount(data.pending)} pending · {formatCount(data.total)} in all
          </span>
        </h2>
        <Link className="btn" href="/retention/new">
          Log a retention call
        </Link>
      </div>
      {message ? (
        <p className={`card ${styles.notice}`} role="status">
          {message}
        </p>
      ) : null}
      {data.rows.length === 0 ? (
        <p className="card muted">No retention cases yet. Calls you log appear here.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="my-cases">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Customer</th>
                <th scope="col">Reason</th>
                <th scope="col">Offer</th>
                <th scope="col" className={styles.num}>
                  MRR at risk
                </th>
                <th scope="col">Outcome</th>
                <th scope="col">Opened</th>
                <th scope="col">Closed</th>
                <th scope="col" className={styles.num}>
                  Offer cost
                </th>
                <th scope="col">
                  <span className={styles.srOnly}>Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((c) => (
                <Fragment key={c.id}>
                  <tr>
                    <td className={styles.account}>{c.caseRef}</td>
                    <td>
                      <AccountLink account={c.accountNumber} className={styles.account} />
                      <br />
                      <span className={styles.meta}>
                        {c.customerName ?? 'No name'} · {c.regionCode}
                      </span>
                    </td>
                    <td>{label(c.reason)}</td>
                    <td>{offerText(c.offerType, c.offerMonthlyDiscountCents, c.offerMonths, data.currency)}</td>
                    <td className={styles.num}>{money(c.mrrAtRiskCents, data.currency)}</td>
                    <td>
                      <span className={OUTCOME_BADGE[c.outcome]}>{label(c.outcome)}</span>
                    </td>
                    <td>{formatZonedInstant(c.openedAt, data.timeZone)}</td>
                    <td>{formatZonedInstant(c.closedAt, data.timeZone)}</td>
                    <td className={styles.num}>
                      {c.offerCostCents > 0 ? money(c.offerCostCents, data.currency) : '—'}
                    </td>
                    <td>
                      {c.outcome === 'pending' ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-expanded={closing === c.id}
                          onClick={() => {
                            setMessage(null);
                            setClosing(closing === c.id ? null : c.id);
                          }}
                        >
                          Close
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {closing === c.id ? (
                    <tr className={styles.closeRow}>
                      <td colSpan={COLUMNS}>
                        <CloseCaseForm
                          pending={c}
                          currency={data.currency}
                          onCancel={() => setClosing(null)}
                          onClosed={(text) => {
                            setClosing(null);
                            setMessage(text);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className={styles.pager} aria-label="Pages">
          {page > 1 ? <Link href={`/retention/mine?page=${page - 1}`}>← Newer</Link> : <span />}
          <span className={styles.meta}>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/retention/mine?page=${page + 1}`}>Older →</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
