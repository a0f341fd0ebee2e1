'use client';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';
import { MutationError } from '@/components/ui/mutation-error';
import { Explanation } from './explanation';
import styles from './outage-response.module.css';
import { AccountLink } from '@/components/customer-360/account-link';

/** One affected customer: the legal minimum with its explanation, what was issued and what is still owed. */
export function CustomerLookup({ outageRef, currency }: { outageRef: string; currency: string }) {
  const trpc = useTRPC();
  const t = useTranslations('outageResponse.lookup');
  const f = useFormat();
  const [typed, setTyped] = useState('');
  const [account, setAccount] = useState<string | null>(null);
  const query = useQuery({
    ...trpc.outageResponse.customerCompensation.queryOptions({ ref: outageRef, account: account ?? '' }),
    enabled: account !== null,
    retry: false,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAccount(typed.trim() || null);
  };
  const cur = (cents: number) => f.cents(cents, currency);
  const c = query.data;
  return (
    <div className={styles.lookup}>
      <form onSubmit={submit} className={styles.lookupForm} aria-label={t('label')}>
        <label htmlFor="comp-account">{t('account')}</label>
        <input id="comp-account" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={64} />
        <button type="submit" className="btn btn-small">
          {t('show')}
        </button>
      </form>
      {query.error ? <MutationError error={query.error} /> : null}
      {c ? (
        <div data-testid="customer-compensation">
          <p>
            <AccountLink account={c.accountNumber} />{' '}
            {t('summary', {
              region: c.regionCode,
              legal: cur(c.legalCents),
              owed: cur(c.owedCents),
              issued: c.creditedCents === null ? t('nothingYet') : cur(c.creditedCents),
              stillOwed: cur(c.stillOwedCents),
            })}
          </p>
          <Explanation owed={c} />
        </div>
      ) : null}
    </div>
  );
}
