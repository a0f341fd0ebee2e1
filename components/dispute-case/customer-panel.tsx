import { formatCents } from '@/lib/format';
import { formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';
import { AccountLink } from '../customer-360/account-link';

export function CustomerPanel({ customer, settings }: Pick<DisputeCaseData, 'customer' | 'settings'>) {
  const money = (cents: number) => formatCents(cents, settings.currency);
  const day = (at: Date | null) => formatInstant(at, settings.timezone).replace(/, \d\d:\d\d$/, '');
  const years = Math.floor(customer.tenureMonths / 12);
  const tenure = years > 0 ? `${years} y ${customer.tenureMonths % 12} m` : `${customer.tenureMonths} months`;
  return (
    <section className="card" aria-label="Customer">
      <h2>Customer</h2>
      <dl className={styles.facts}>
        <dt>Account</dt>
        <dd>
          <AccountLink account={customer.accountNumber} />
        </dd>
        <dt>Name</dt>
        <dd>{customer.name ?? '—'}</dd>
        <dt>Region</dt>
        <dd>
          {customer.regionName} ({customer.regionCode}){customer.postcode ? ` · ${customer.postcode}` : ''}
        </dd>
        <dt>Plan</dt>
        <dd>{customer.plan ?? '—'}</dd>
        <dt>Monthly fee</dt>
        <dd>{money(customer.monthlyFeeCents)}</dd>
        <dt>Tenure</dt>
        <dd>
          {tenure} (since {day(customer.activatedAt)})
          {customer.churnedAt ? <strong className="error"> · left {day(customer.churnedAt)}</strong> : null}
        </dd>
        <dt>Promotion</dt>
        <dd>
          {customer.promoEndsAt
            ? `${customer.promoMonthlyDiscountCents !== null ? `${money(customer.promoMonthlyDiscountCents)}/month off, ` : ''}ends ${day(customer.promoEndsAt)}`
            : 'none'}
        </dd>
        <dt>Sold by</dt>
        <dd>{customer.soldBy ? customer.soldBy.name : '—'}</dd>
      </dl>
    </section>
  );
}
