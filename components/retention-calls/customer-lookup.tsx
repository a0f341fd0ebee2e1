'use client';
import { formatZonedInstant } from '@/lib/format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { label, money } from './labels';
import styles from './retention-calls.module.css';

export type CustomerMatch = RouterOutputs['retentionCalls']['lookupCustomers'][number];

interface Props {
  timeZone: string;
  currency: string;
  /** The region searched, `all`, or `none` (a rep without a home region). */
  region: string;
  onChoose: (customer: CustomerMatch) => void;
}

/** Type-ahead search over the customers the caller handles; churned customers are listed but cannot be chosen. */
export function CustomerLookup({ timeZone, currency, region, onChoose }: Props) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const enabled = q.length >= 2;
  const { data, isFetching, error } = useQuery(
    trpc.retentionCalls.lookupCustomers.queryOptions({ q }, { enabled, placeholderData: keepPreviousData }),
  );
  const matches = enabled ? (data ?? []) : [];

  if (region === 'none') {
    return (
      <p className="error">
        You have no home region, so there are no customers to log calls for. Ask an admin to set one.
      </p>
    );
  }
  return (
    <div>
      <label htmlFor="customer-search" className={styles.label}>
        Find the customer
      </label>
      <p className={styles.hint} id="customer-search-hint">
        Account number, name or postcode{region === 'all' ? ', any region' : `, region ${region}`}.
      </p>
      <input
        id="customer-search"
        className={styles.search}
        type="search"
        autoComplete="off"
        aria-describedby="customer-search-hint"
        aria-controls={matches.length > 0 ? 'customer-matches' : undefined}
        placeholder="e.g. ACC-10234, García or 28013"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
      />
      <p className={styles.hint} aria-live="polite">
        {error
          ? error.message
          : !enabled
            ? 'Type at least 2 characters.'
            : isFetching && !data
              ? 'Searching…'
              : `${matches.length === 0 ? 'No' : matches.length} matching customer${matches.length === 1 ? '' : 's'}${matches.length >= 10 ? ' (first 10; type more to narrow)' : ''}.`}
      </p>
      {matches.length > 0 ? (
        <ul className={styles.matches} id="customer-matches" data-testid="customer-matches">
          {matches.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={styles.match}
                disabled={c.churnedAt !== null}
                onClick={() => onChoose(c)}
              >
                <span className={styles.account}>{c.accountNumber}</span>
                <span>
                  {c.name ?? <span className="muted">No name on file</span>}
                  <br />
                  <span className={styles.meta}>
                    {[c.postcode, c.regionCode, c.plan, `${money(c.monthlyFeeCents, currency)}/month`]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
                <span>
                  {c.churnedAt ? (
                    <span className={styles.churned}>
                      Churned {formatZonedInstant(c.churnedAt, timeZone, false)}
                      {c.churnCategory ? ` · ${label(c.churnCategory)}` : ''}
                    </span>
                  ) : c.pendingCaseRef ? (
                    <span className={styles.pendingBadge}>Pending case {c.pendingCaseRef}</span>
                  ) : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
