import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatZonedInstant } from '@/lib/format';
import type { RouterOutputs } from '@/lib/trpc/types';
import { CUSTOMER_360 as T } from './strings';
import styles from './customer-360.module.css';

type Item = RouterOutputs['customers']['get']['timeline'][number];

/** A reference, as a link when the viewer may open its page. */
function Ref({ text, href }: { text: string; href: string | null }) {
  return href ? <Link href={href}>{text}</Link> : <span>{text}</span>;
}

function describe(item: Item, money: (cents: number) => string, day: (at: Date | null) => string): ReactNode {
  switch (item.kind) {
    case 'signup':
      return T.signupDetail(item.plan);
    case 'churn':
      return T.churnDetail(item.category, item.competitor, item.reason);
    case 'dispute':
      return T.disputeDetail({
        cause: item.cause,
        status: item.status,
        disputed: money(item.disputedCents),
        credited: item.creditedCents > 0 ? money(item.creditedCents) : null,
        assignedTo: item.assignedTo,
      });
    case 'retention':
      return T.retentionDetail({ ...item, mrr: money(item.mrrAtRiskCents) });
    case 'compensation':
      return (
        <>
          {T.compensationDetail({
            kind: item.compensationKind,
            amount: money(item.amountCents),
            issuedBy: item.issuedBy,
          })}
          {item.about ? (
            <>
              {' · '}
              {T.compensationFor[item.about.kind]} <Ref text={item.about.ref} href={item.about.href} />
            </>
          ) : null}
        </>
      );
    case 'outage':
      return T.outageDetail({
        title: item.title,
        severity: item.severity,
        resolved: item.resolvedAt ? day(item.resolvedAt) : null,
      });
  }
}

/** Everything that happened to the customer, newest first; each case or outage links to its page. */
export function CustomerTimeline({ items, currency, timezone }: { items: Item[]; currency: string; timezone: string }) {
  const money = (cents: number) => T.money(cents, currency);
  const day = (at: Date | null) => formatZonedInstant(at, timezone, false);
  return (
    <section className="card" aria-labelledby="customer-timeline">
      <h2 id="customer-timeline">{T.timeline}</h2>
      {items.length === 0 ? (
        <p className="muted">{T.timelineEmpty}</p>
      ) : (
        <ol className={styles.timeline} data-testid="customer-timeline">
          {items.map((item) => {
            const ref = 'ref' in item ? item.ref : null;
            return (
              <li key={`${item.kind}-${ref ?? item.at.toISOString()}`} id={ref ?? undefined} className={styles.item}>
                <time className={styles.when} dateTime={item.at.toISOString()}>
                  {formatZonedInstant(item.at, timezone)}
                </time>
                <span className={styles.what}>
                  <span className="badge">{T.kinds[item.kind]}</span>
                  {ref ? <Ref text={ref} href={'href' in item ? item.href : null} /> : null}
                </span>
                <span className={styles.detail}>{describe(item, money, day)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
