import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';
import { AccountLink } from '../customer-360/account-link';

export function CustomerPanel({ customer, settings }: Pick<DisputeCaseData, 'customer' | 'settings'>) {
  const t = useTranslations('disputeCase.customer');
  const f = useFormat();
  const money = (cents: number) => f.cents(cents, settings.currency);
  const day = (at: Date | null) => formatInstant(at, settings.timezone, f.locale).replace(/, \d\d:\d\d$/, '');
  const years = Math.floor(customer.tenureMonths / 12);
  const tenure =
    years > 0
      ? t('tenureYears', { years, months: customer.tenureMonths % 12 })
      : t('tenureMonths', { months: customer.tenureMonths });
  return (
    <section className="card" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <dl className={styles.facts}>
        <dt>{t('account')}</dt>
        <dd>
          <AccountLink account={customer.accountNumber} />
        </dd>
        <dt>{t('name')}</dt>
        <dd>{customer.name ?? '—'}</dd>
        <dt>{t('region')}</dt>
        <dd>
          {customer.regionName} ({customer.regionCode}){customer.postcode ? ` · ${customer.postcode}` : ''}
        </dd>
        <dt>{t('plan')}</dt>
        <dd>{customer.plan ?? '—'}</dd>
        <dt>{t('fee')}</dt>
        <dd>{money(customer.monthlyFeeCents)}</dd>
        <dt>{t('tenure')}</dt>
        <dd>
          {t('since', { tenure, day: day(customer.activatedAt) })}
          {customer.churnedAt ? <strong className="error">{t('left', { day: day(customer.churnedAt) })}</strong> : null}
        </dd>
        <dt>{t('promotion')}</dt>
        <dd>
          {customer.promoEndsAt
            ? customer.promoMonthlyDiscountCents !== null
              ? t('promoDiscount', {
                  amount: money(customer.promoMonthlyDiscountCents),
                  day: day(customer.promoEndsAt),
                })
              : t('promoEnds', { day: day(customer.promoEndsAt) })
            : t('none')}
        </dd>
        <dt>{t('soldBy')}</dt>
        <dd>{customer.soldBy ? customer.soldBy.name : '—'}</dd>
      </dl>
    </section>
  );
}
