import type { RouterOutputs } from '@/lib/trpc/types';
import { formatZonedInstant } from '@/lib/format';
import { CUSTOMER_360 as T } from './strings';
import styles from './customer-360.module.css';

type Profile = RouterOutputs['customers']['get']['profile'];

export function ProfileCard({ profile, currency, timezone }: { profile: Profile; currency: string; timezone: string }) {
  const day = (at: Date | null) => formatZonedInstant(at, timezone, false);
  return (
    <section className="card" aria-labelledby="customer-profile">
      <h2 id="customer-profile">{T.profile}</h2>
      <dl className={styles.facts}>
        <dt>{T.account}</dt>
        <dd data-testid="customer-account">{profile.accountNumber}</dd>
        <dt>{T.name}</dt>
        <dd>{profile.name ?? T.none}</dd>
        <dt>{T.region}</dt>
        <dd>
          {profile.regionName} ({profile.regionCode}){profile.postcode ? ` · ${profile.postcode}` : ''}
        </dd>
        <dt>{T.plan}</dt>
        <dd>{profile.plan ?? T.none}</dd>
        <dt>{T.monthlyFee}</dt>
        <dd>{T.money(profile.monthlyFeeCents, currency)}</dd>
        <dt>{T.status}</dt>
        <dd>
          <span className="badge" data-testid="customer-status">
            {profile.status === 'active' ? T.active : T.churned}
          </span>
        </dd>
        <dt>{T.signedUp}</dt>
        <dd>{day(profile.activatedAt)}</dd>
        {profile.churnedAt ? (
          <>
            <dt>{T.churnedOn}</dt>
            <dd>{day(profile.churnedAt)}</dd>
          </>
        ) : null}
        <dt>{T.promotionEnds}</dt>
        <dd>
          {profile.promoEndsAt
            ? `${day(profile.promoEndsAt)}${
                profile.promoMonthlyDiscountCents !== null
                  ? ` · ${T.promotionDiscount(T.money(profile.promoMonthlyDiscountCents, currency))}`
                  : ''
              }`
            : T.promotionNone}
        </dd>
        <dt>{T.soldBy}</dt>
        <dd>{profile.soldBy ?? T.none}</dd>
      </dl>
    </section>
  );
}
