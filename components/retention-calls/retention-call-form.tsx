'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import { CallDetailsForm, type LoggedCall } from './call-details-form';
import { CustomerLookup, type CustomerMatch } from './customer-lookup';
import { KIND_LABELS, label, money } from './labels';
import styles from './retention-calls.module.css';
import { AccountLink } from '../customer-360/account-link';

/** Log a retention call: find the customer, then record reason, offer and outcome. */
export function RetentionCallForm({ isRep }: { isRep: boolean }) {
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.retentionCalls.formOptions.queryOptions());
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  const [logged, setLogged] = useState<LoggedCall | null>(null);

  if (logged) {
    return (
      <div className={styles.layout}>
        <section className={`card ${styles.notice}`} role="status" data-testid="call-logged">
          <h2>
            Logged {logged.caseRef} for <AccountLink account={logged.accountNumber} />: {label(logged.outcome)}
          </h2>
          <p>
            {logged.compensation
              ? `Booked a ${KIND_LABELS[logged.compensation.kind]} of ${money(logged.compensation.amountCents, options.currency)} (${logged.compensation.compRef}), linked to the case.`
              : logged.outcome === 'saved'
                ? 'No compensation booked for this offer.'
                : logged.outcome === 'pending'
                  ? 'Close the case from your retention cases when the customer decides.'
                  : null}
            {logged.customerChurned ? ' The customer is now marked churned.' : ''}
          </p>
          <div className={styles.actions}>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setLogged(null);
                setCustomer(null);
              }}
            >
              Log another call
            </button>
            {isRep ? <Link href="/retention/mine">My retention cases</Link> : null}
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className={styles.layout}>
      <section className="card" aria-labelledby="step-customer">
        <h2 id="step-customer" className={styles.step}>
          1. Customer
        </h2>
        {customer ? (
          <div className={styles.chosen} data-testid="chosen-customer">
            <div className={styles.chosenInfo}>
              <strong className={styles.account}>
                <AccountLink account={customer.accountNumber} />
              </strong>{' '}
              {customer.name ?? ''}
              <dl>
                <div>
                  <dt>Region · postcode</dt>
                  <dd>
                    {customer.regionCode} · {customer.postcode ?? '—'}
                  </dd>
                </div>
                <div>
                  <dt>Plan</dt>
                  <dd>{customer.plan ?? '—'}</dd>
                </div>
                <div>
                  <dt>Monthly fee</dt>
                  <dd>{money(customer.monthlyFeeCents, options.currency)}</dd>
                </div>
                {customer.pendingCaseRef ? (
                  <div>
                    <dt>Already pending</dt>
                    <dd>
                      <span className={styles.pendingBadge}>{customer.pendingCaseRef}</span>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </div>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setCustomer(null)}>
              Change customer
            </button>
          </div>
        ) : (
          <CustomerLookup
            timeZone={options.timeZone}
            currency={options.currency}
            region={options.region}
            onChoose={setCustomer}
          />
        )}
      </section>
      {customer ? (
        <section className="card" aria-labelledby="step-call">
          <h2 id="step-call" className={styles.step}>
            2. The call
          </h2>
          <CallDetailsForm
            key={customer.id}
            customer={customer}
            reps={options.chooseRep ? options.reps : null}
            currency={options.currency}
            onLogged={setLogged}
          />
        </section>
      ) : null}
    </div>
  );
}
