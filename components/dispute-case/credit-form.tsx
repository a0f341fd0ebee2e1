'use client';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { isClosedStatus } from '@/lib/dispute-status';
import { useFormat } from '@/components/i18n/use-format';
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
  const t = useTranslations('disputeCase.credit');
  if (allowance.perCaseLeftCents === null || allowance.perMonthLeftCents === null) {
    return <p className={styles.hint}>{t('unlimited', { remaining: money(allowance.remainingCents) })}</p>;
  }
  return (
    <p className={styles.hint} data-testid="credit-limit">
      {t.rich('limit', {
        without: money(allowance.withoutApprovalCents),
        perCase: money(allowance.perCaseLeftCents),
        perMonth: money(allowance.perMonthLeftCents),
        remaining: money(allowance.remainingCents),
        strong: (chunks) => <strong>{chunks}</strong>,
      })}
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
  const t = useTranslations('disputeCase');
  const f = useFormat();
  const refresh = useCaseRefresh(target.ref);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const money = (cents: number) => f.cents(cents, currency);
  const mutation = useMutation(
    trpc.disputeCase.issueCredit.mutationOptions({
      onSuccess: async (result) => {
        setAmount('');
        setReason('');
        setDone(
          result.outcome === 'issued'
            ? t('credit.issued', { amount: money(result.amountCents), ref: result.compRef })
            : t('credit.pending', { amount: money(result.amountCents), limit: result.limit }),
        );
        await refresh({ approvals: result.outcome === 'pending' });
      },
    }),
  );
  const blocked = isClosedStatus(status)
    ? t('credit.closed')
    : undueCharge !== true
      ? t('credit.undueFirst')
      : allowance.remainingCents === 0
        ? t('credit.nothingLeft')
        : null;

  return (
    <section className="card" aria-label={t('credit.label')}>
      <h2>{t('credit.title')}</h2>
      {blocked ? (
        <p className={`muted ${styles.empty}`}>{blocked}</p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            const cents = parseMoneyToCents(amount);
            if (cents === null) return setProblem(t('credit.badAmount'));
            const input = { ...target, amountCents: cents, reason };
            const invalid = problemWith(issueCreditInput, input, t('checkForm'));
            if (invalid) return setProblem(invalid);
            if (cents > allowance.remainingCents)
              return setProblem(t('credit.atMost', { amount: money(allowance.remainingCents) }));
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <AllowanceText allowance={allowance} money={money} />
          <label className="field">
            <span>{t('credit.amount', { currency })}</span>
            <input
              name="amount"
              inputMode="decimal"
              placeholder="0.00"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('credit.reason')}</span>
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
              {mutation.isPending ? t('credit.pendingButton') : t('credit.submit')}
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
