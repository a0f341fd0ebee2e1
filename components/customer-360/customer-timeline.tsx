'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { useWords, type Words } from '@/components/ui/vocab';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './customer-360.module.css';

type Item = RouterOutputs['customers']['get']['timeline'][number];
type T = ReturnType<typeof useTranslations<'customer360'>>;

const joined = (parts: (string | null)[]) => parts.filter(Boolean).join(' · ');

/** A reference, as a link when the viewer may open its page. */
function Ref({ text, href }: { text: string; href: string | null }) {
  return href ? <Link href={href}>{text}</Link> : <span>{text}</span>;
}

function describe(
  item: Item,
  t: T,
  words: Words,
  money: (cents: number) => string,
  day: (at: Date | null) => string,
): ReactNode {
  switch (item.kind) {
    case 'signup':
      return item.plan ? t('signupOnPlan', { plan: item.plan }) : t('signupJoined');
    case 'churn':
      return joined([
        item.category ? words('churnCategory', item.category) : null,
        item.competitor ? t('churnTo', { competitor: item.competitor }) : null,
        item.reason,
      ]);
    case 'dispute':
      return joined([
        words('disputeCause', item.cause),
        words('disputeStatus', item.status),
        t('disputed', { money: money(item.disputedCents) }),
        item.creditedCents > 0 ? t('credited', { money: money(item.creditedCents) }) : null,
        item.assignedTo ? t('assignedTo', { name: item.assignedTo }) : t('unassigned'),
      ]);
    case 'retention':
      return joined([
        words('churnCategory', item.reason),
        t('offer', { offer: words('offerType', item.offerType) }),
        words('retentionOutcome', item.outcome),
        t('atRisk', { money: money(item.mrrAtRiskCents) }),
        item.rep,
      ]);
    case 'compensation':
      return (
        <>
          {joined([
            words('compensationKind', item.compensationKind),
            money(item.amountCents),
            item.issuedBy ?? t('automatic'),
          ])}
          {item.about ? (
            <>
              {' · '}
              {t(`compensationFor.${item.about.kind}`)} <Ref text={item.about.ref} href={item.about.href} />
            </>
          ) : null}
        </>
      );
    case 'outage':
      return joined([
        item.title,
        words('severity', item.severity),
        item.resolvedAt ? t('resolvedOn', { day: day(item.resolvedAt) }) : t('notResolved'),
      ]);
  }
}

/** Everything that happened to the customer, newest first; each case or outage links to its page. */
export function CustomerTimeline({ items, currency, timezone }: { items: Item[]; currency: string; timezone: string }) {
  const t = useTranslations('customer360');
  const words = useWords();
  const f = useFormat();
  const money = (cents: number) => f.cents(cents, currency);
  const day = (at: Date | null) => f.instant(at, timezone, false);
  return (
    <section className="card" aria-labelledby="customer-timeline">
      <h2 id="customer-timeline">{t('timeline')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('timelineEmpty')}</p>
      ) : (
        <ol className={styles.timeline} data-testid="customer-timeline">
          {items.map((item) => {
            const ref = 'ref' in item ? item.ref : null;
            return (
              <li key={`${item.kind}-${ref ?? item.at.toISOString()}`} id={ref ?? undefined} className={styles.item}>
                <time className={styles.when} dateTime={item.at.toISOString()}>
                  {f.instant(item.at, timezone)}
                </time>
                <span className={styles.what}>
                  <span className="badge">{t(`kinds.${item.kind}`)}</span>
                  {ref ? <Ref text={ref} href={'href' in item ? item.href : null} /> : null}
                </span>
                <span className={styles.detail}>{describe(item, t, words, money, day)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
