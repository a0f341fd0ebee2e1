'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { centsToEuros, parseRetentionCallForm, type RetentionCallFormValues } from '@/lib/schemas/retention-calls';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { CHURN_CATEGORIES } from '@/lib/vocabularies';
import type { CustomerMatch } from './customer-lookup';
import { describedBy, Field } from './field';
import { label, localInputValue } from './labels';
import { OfferFields, OfferMapping, type OfferValues } from './offer-fields';
import styles from './retention-calls.module.css';
import { serverFieldErrors, serverFormError } from './server-errors';

type Outputs = RouterOutputs['retentionCalls'];
export type LoggedCall = Outputs['open'] & { accountNumber: string };
type Values = Omit<RetentionCallFormValues, 'customerId'>;

interface Props {
  customer: CustomerMatch;
  /** Reps to choose from (managers and admins); null when the caller is the rep. */
  reps: Outputs['formOptions']['reps'] | null;
  currency: string;
  onLogged: (call: LoggedCall) => void;
}

const OUTCOMES = [
  { value: 'saved', text: 'Saved — the customer stays' },
  { value: 'churned', text: 'Churned — the customer leaves' },
  { value: 'pending', text: 'Pending — the customer will decide later' },
];

/** Mounted once a customer is chosen, in the browser, so "now" is the user's local time. */
export function CallDetailsForm({ customer, reps, currency, onLogged }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => ({
    repId: '',
    reason: '',
    outcome: '',
    closedAt: localInputValue(new Date()),
    mrrAtRisk: centsToEuros(customer.monthlyFeeCents),
    offerType: '',
    offerMonthlyDiscount: '',
    offerMonths: '',
    oneOffAmount: '',
    competitor: '',
    notes: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const open = useMutation(
    trpc.retentionCalls.open.mutationOptions({
      onSuccess: async (result) => {
        onLogged({ ...result, accountNumber: customer.accountNumber });
        await Promise.all([
          queryClient.invalidateQueries(trpc.retentionCalls.myCases.pathFilter()),
          queryClient.invalidateQueries(trpc.retentionCalls.mySaveRate.pathFilter()),
          queryClient.invalidateQueries(trpc.retentionCalls.lookupCustomers.pathFilter()),
        ]);
      },
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        setFormError(serverFormError(error));
      },
    }),
  );

  const set = (key: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    // An edited field's message goes; the rest stay until the next submit.
    setErrors(({ [key]: _edited, ...rest }) => rest);
    setFormError(null);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = parseRetentionCallForm({ ...values, customerId: customer.id });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setFormError(parsed.errors.customerId ?? 'Check the highlighted fields.');
      return;
    }
    setErrors({});
    open.mutate(parsed.input);
  }

  const closed = values.outcome === 'saved' || values.outcome === 'churned';
  return (
    <form onSubmit={submit} noValidate aria-describedby={formError ? 'call-form-error' : undefined}>
      <fieldset className={styles.grid}>
        <legend>Who and why</legend>
        {reps ? (
          <Field id="call-rep" label="Rep who took the call" error={errors.repId}>
            <select
              {...describedBy('call-rep', errors.repId)}
              value={values.repId}
              onChange={(e) => set('repId', e.target.value)}
            >
              <option value="">Choose…</option>
              {reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {r.regionCode ? ` (${r.regionCode})` : ''}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id="call-reason" label="Reason to leave" error={errors.reason}>
          <select
            {...describedBy('call-reason', errors.reason)}
            value={values.reason}
            onChange={(e) => set('reason', e.target.value)}
          >
            <option value="">Choose…</option>
            {CHURN_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="call-mrr" label="MRR at risk (€)" hint="Defaults to the monthly fee" error={errors.mrrAtRisk}>
          <input
            {...describedBy('call-mrr', errors.mrrAtRisk, true)}
            inputMode="decimal"
            value={values.mrrAtRisk}
            onChange={(e) => set('mrrAtRisk', e.target.value)}
          />
        </Field>
      </fieldset>
      <fieldset className={styles.grid}>
        <legend>Offer</legend>
        <OfferFields
          idPrefix="call"
          values={values}
          outcome={values.outcome}
          errors={errors}
          currency={currency}
          onChange={(k: keyof OfferValues, v) => set(k, v)}
        />
        <OfferMapping />
      </fieldset>
      <fieldset className={styles.grid}>
        <legend>Outcome</legend>
        <Field id="call-outcome" label="Outcome" error={errors.outcome}>
          <select
            {...describedBy('call-outcome', errors.outcome)}
            value={values.outcome}
            onChange={(e) => set('outcome', e.target.value)}
          >
            <option value="">Choose…</option>
            {OUTCOMES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </select>
        </Field>
        {values.outcome !== 'pending' ? (
          <Field id="call-closed" label="Closed at" hint="Your local time; defaults to now" error={errors.closedAt}>
            <input
              {...describedBy('call-closed', errors.closedAt, true)}
              type="datetime-local"
              value={values.closedAt}
              required={closed}
              onChange={(e) => set('closedAt', e.target.value)}
            />
          </Field>
        ) : null}
        {values.reason === 'competitor' && values.outcome === 'churned' ? (
          <Field id="call-competitor" label="Competitor (optional)" error={errors.competitor}>
            <input
              {...describedBy('call-competitor', errors.competitor)}
              value={values.competitor}
              maxLength={80}
              onChange={(e) => set('competitor', e.target.value)}
            />
          </Field>
        ) : null}
        <Field id="call-notes" label="Notes (optional)" error={errors.notes} wide>
          <textarea
            {...describedBy('call-notes', errors.notes)}
            value={values.notes}
            maxLength={2000}
            onChange={(e) => set('notes', e.target.value)}
          />
        </Field>
      </fieldset>
      {formError ? (
        <p id="call-form-error" className="error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn" disabled={open.isPending}>
          {open.isPending ? 'Saving…' : 'Log the call'}
        </button>
      </div>
    </form>
  );
}
