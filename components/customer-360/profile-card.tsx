'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './customer-360.module.css';

type Profile = RouterOutputs['customers']['get']['profile'];

export function ProfileCard({ profile, currency, timezone }: { profile: Profile; currency: string; timezone: string }) {
  const t = useTranslations('customer360');
  const none = useTranslations('vocab')('none');
  const f = useFormat();
  const day = (at: Date | null) => f.instant(at, timezone, false);
  return (
    <section className="card" aria-labelledby="customer-profile">
      <h2 id="customer-profile">{t('profile')}</h2>
      <dl className={styles.facts}>
        <dt>{t('account')}</dt>
        <dd data-testid="customer-account">{profile.accountNumber}</dd>
        <dt>{t('name')}</dt>
        <dd>{profile.name ?? none}</dd>
        <dt>{t('region')}</dt>
        <dd>
          {profile.regionName} ({profile.regionCode}){profile.postcode ? ` · ${profile.postcode}` : ''}
        </dd>
        <dt>{t('plan')}</dt>
        <dd>{profile.plan ?? none}</dd>
        <dt>{t('monthlyFee')}</dt>
        <dd>{f.cents(profile.monthlyFeeCents, currency)}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <span className="badge" data-testid="customer-status">
            {profile.status === 'active' ? t('active') : t('churned')}
          </span>
        </dd>
        <dt>{t('signedUp')}</dt>
        <dd>{day(profile.activatedAt)}</dd>
        {profile.churnedAt ? (
          <>
            <dt>{t('churnedOn')}</dt>
            <dd>{day(profile.churnedAt)}</dd>
          </>
        ) : null}
        <dt>{t('promotionEnds')}</dt>
        <dd>
          {profile.promoEndsAt
            ? `${day(profile.promoEndsAt)}${
                profile.promoMonthlyDiscountCents !== null
                  ? ` · ${t('promotionDiscount', { money: f.cents(profile.promoMonthlyDiscountCents, currency) })}`
                  : ''
              }`
            : t('promotionNone')}
        </dd>
        <dt>{t('soldBy')}</dt>
        <dd>{profile.soldBy ?? none}</dd>
      </dl>
    </section>
  );
}
