'use client';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import { MutationError } from '@/components/ui/mutation-error';
import { Explanation } from './explanation';
import { money } from './format';
import styles from './outage-response.module.css';
import { AccountLink } from '@/components/customer-360/account-link';

/** One affected customer: the legal minimum with its explanation, what was issued and what is still owed. */
export function CustomerLookup({ outageRef, currency }: { outageRef: string; currency: string }) {
  const trpc = useTRPC();
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
  const cur = (cents: number) => money(cents, currency);
  const c = query.data;
  return (
    <div className={styles.lookup}>
      <form onSubmit={submit} className={styles.lookupForm} aria-label="One customer's compensation">
        <label htmlFor="comp-account">Account number</label>
        <input id="comp-account" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={64} />
        <button type="submit" className="btn btn-small">
          Show
        </button>
      </form>
      {query.error ? <MutationError error={query.error} /> : null}
      {c ? (
        <div data-testid="customer-compensation">
          <p>
            <AccountLink account={c.accountNumber} /> ({c.regionCode}): legal minimum {cur(c.legalCents)}, owed{' '}
            {cur(c.owedCents)}, issued {c.creditedCents === null ? 'nothing yet' : cur(c.creditedCents)}, still owed{' '}
            {cur(c.stillOwedCents)}.
          </p>
          <Explanation owed={c} />
        </div>
      ) : null}
    </div>
  );
}
