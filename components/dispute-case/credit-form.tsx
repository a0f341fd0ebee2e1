'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isClosedStatus } from '@/lib/dispute-status';
import { formatCents } from '@/lib/format';
import { issueCreditInput, parseMoneyToCents } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import type { DisputeStatus } from '@/lib/vocabularies';
import { MutationError } from '@/components/ui/mutation-error';
import type { CaseTarget, DisputeCaseData } from './types';
import { useCaseRefresh } from './use-case-refresh';
import { problemWith } from './validate';
import styles from './dispute-case.module.css';

type Allowance = NonNullable<DisputeCaseData['creditAllowance']>;

function AllowanceText({ allowance, money }: { allowance: Allowance; money: (cents: number) => string }) {
  if (allowance.perCaseLeftCents === null || allowance.perMonthLeftCents === null) {
    return (
      <p className={styles.hint}>
        Up to {money(allowance.remainingCents)} can still be credited. Your credits need no approval.
      </p>
    );
  }
  return (
    <p className={styles.hint} data-testid="credit-limit">
      You can credit up to <strong>{money(allowance.withoutApprovalCents)}</strong> without approval (
      {money(allowance.perCaseLeftCents)} left on this case, {money(allowance.perMonthLeftCents)} left this month). A
      larger credit, up to {money(allowance.remainingCents)}, goes to a manager.
    </p>
  );
}

/** Credit the undue amount: at once within the rep's limits, else as a request for a manager. */
export function CreditForm({
  target,
  status,
  undueCharge,
  allowance,
  currency,
}: {
  target: CaseTarget;
  status: DisputeStatus;
  undueCharge: boolean | null;
  allowance: Allowance;
  currency: string;
}) {
  const trpc = useTRPC();
  const refresh = useCaseRefresh(target.ref);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const money = (cents: number) => formatCents(cents, currency);
  const mutation = useMutation(
    trpc.disputeCase.issueCredit.mutationOptions({
      onSuccess: async (result) => {
        setAmount('');
        setReason('');
        setDone(
          result.outcome === 'issued'
            ? `${money(result.amountCents)} credited (${result.compRef}).`
            : `${money(result.amountCents)} is above your limit per ${result.limit}: it now awaits a manager's approval.`,
        );
        await refresh({ approvals: result.outcome === 'pending' });
      },
    }),
  );
  const blocked = isClosedStatus(status)
    ? 'The dispute is closed.'
    : undueCharge !== true
      ? 'Record that the charge was undue first.'
      : allowance.remainingCents === 0
        ? 'Nothing is left to credit on this dispute.'
        : null;

  return (
    <section className="card" aria-label="Credit">
      <h2>Credit the customer</h2>
      {blocked ? (
        <p className={`muted ${styles.empty}`}>{blocked}</p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            const cents = parseMoneyToCents(amount);
            if (cents === null) return setProblem('Enter an amount such as 12.50.');
            const input = { ...target, amountCents: cents, reason };
            const invalid = problemWith(issueCreditInput, input);
            if (invalid) return setProblem(invalid);
            if (cents > allowance.remainingCents)
              return setProblem(`At most ${money(allowance.remainingCents)} can still be credited.`);
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <AllowanceText allowance={allowance} money={money} />
          <label className="field">
            <span>Amount ({currency})</span>
            <input
              name="amount"
              inputMode="decimal"
              placeholder="0.00"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Reason</span>
            <input name="creditReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          {problem ? <p className="error">{problem}</p> : null}
          {done ? (
            <p className={styles.ok} role="status">
              {done}
            </p>
          ) : null}
          <MutationError
            error={mutation.error}
            onReload={() => {
              mutation.reset();
              void refresh();
            }}
          />
          <div>
            <button type="submit" className="btn" disabled={mutation.isPending}>
              {mutation.isPending ? 'Crediting…' : 'Credit'}
            </button>
          </div>
        </form>
      )}
      {blocked && done ? (
        <p className={styles.ok} role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
