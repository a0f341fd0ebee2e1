'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc/react';
import { CustomerTimeline } from './customer-timeline';
import { ProfileCard } from './profile-card';
import { ServiceCredits } from './service-credits';
import { CUSTOMER_360 as T } from './strings';
import styles from './customer-360.module.css';

/** Customer 360: the profile beside one timeline of everything that happened to them. */
export function CustomerView({ account, currency, timezone }: { account: string; currency: string; timezone: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.customers.get.queryOptions({ account }));
  const { profile } = data;
  return (
    <>
      <h1>
        {T.pageTitle(profile.accountNumber)}
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
