'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/lib/trpc/react';
import { CustomerTimeline } from './customer-timeline';
import { ProfileCard } from './profile-card';
import { ServiceCredits } from './service-credits';
import styles from './customer-360.module.css';

/** Customer 360: the profile beside one timeline of everything that happened to them. */
export function CustomerView({ account, currency, timezone }: { account: string; currency: string; timezone: string }) {
  const trpc = useTRPC();
  const t = useTranslations('customer360');
  const { data } = useSuspenseQuery(trpc.customers.get.queryOptions({ account }));
  const { profile } = data;
  return (
    <>
      <h1>
        {t('pageTitle', { account: profile.accountNumber })}
        {profile.name ? <span className="muted"> · {profile.name}</span> : null}
      </h1>
      <div className={styles.layout}>
        <ProfileCard profile={profile} currency={currency} timezone={timezone} />
        <CustomerTimeline items={data.timeline} currency={currency} timezone={timezone} />
        <ServiceCredits account={profile.accountNumber} currency={currency} timezone={timezone} />
      </div>
    </>
  );
}
