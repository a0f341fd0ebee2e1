'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { centsToEuros, parseCloseCaseForm, type CloseCaseFormValues } from '@/lib/schemas/retention-calls';
import { useTRPC } from '@/lib/trpc/react';
import { describedBy, Field } from './field';
import { KIND_LABELS, localInputValue, money } from './labels';
import { OfferFields, OfferMapping, type OfferValues } from './offer-fields';
import styles from './retention-calls.module.css';
import { serverFieldErrors, serverFormError } from './server-errors';

export interface PendingCase {
  id: number;
  caseRef: string;
  reason: string;
  offerType: string;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
}

type Values = Omit<CloseCaseFormValues, 'caseId' | 'reason'>;

interface Props {
  pending: PendingCase;
  currency: string;
  onClosed: (message: string) => void;
  onCancel: () => void;
}

/** Closes a pending case as saved or churned; the offer can still change (the customer may take another). */
export function CloseCaseForm({ pending, currency, onClosed, onCancel }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => ({
    outcome: '',
    closedAt: localInputValue(new Date()),
    offerType: pending.offerType,
    offerMonthlyDiscount: pending.offerMonthlyDiscountCents ? centsToEuros(pending.offerMonthlyDiscountCents) : '',
    offerMonths: pending.offerMonths ? String(pending.offerMonths) : '',
    oneOffAmount: '',
    competitor: '',
    notes: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = `close-${pending.id}`;

  const close = useMutation(
    trpc.retentionCalls.close.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.retentionCalls.myCases.pathFilter()),
          queryClient.invalidateQueries(trpc.retentionCalls.mySaveRate.pathFilter()),
        ]);
        const booked = result.compensation
          ? `; booked a ${KIND_LABELS[result.compensation.kind]} of ${money(result.compensation.amountCents, currency)} (${result.compensation.compRef})`
          : '';
        const churned = result.customerChurned ? '; the customer is now marked churned' : '';
        onClosed(`${result.caseRef} closed as ${result.outcome}${booked}${churned}.`);
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
    const parsed = parseCloseCaseForm({ ...values, caseId: pending.id, reason: pending.reason });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setFormError('Check the highlighted fields.');
      return;
    }
    setErrors({});
    close.mutate(parsed.input);
  }

  return (
    <form onSubmit={submit} noValidate className={styles.closeForm} aria-label={`Close ${pending.caseRef}`}>
      <fieldset className={styles.grid}>
        <legend>Outcome</legend>
        <Field id={`${id}-outcome`} label="Outcome" error={errors.outcome}>
          <select
            {...describedBy(`${id}-outcome`, errors.outcome)}
            value={values.outcome}
            onChange={(e) => set('outcome', e.target.value)}
            autoFocus
          >
            <option value="">Choose…</option>
            <option value="saved">Saved — the customer stays</option>
            <option value="churned">Churned — the customer leaves</option>
          </select>
        </Field>
        <Field id={`${id}-closed`} label="Closed at" hint="Your local time" error={errors.closedAt}>
          <input
            {...describedBy(`${id}-closed`, errors.closedAt, true)}
            type="datetime-local"
            value={values.closedAt}
            onChange={(e) => set('closedAt', e.target.value)}
          />
        </Field>
        {pending.reason === 'competitor' && values.outcome === 'churned' ? (
          <Field id={`${id}-competitor`} label="Competitor (optional)" error={errors.competitor}>
            <input
              {...describedBy(`${id}-competitor`, errors.competitor)}
              value={values.competitor}
              maxLength={80}
              onChange={(e) => set('competitor', e.target.value)}
            />
          </Field>
        ) : null}
      </fieldset>
      <fieldset className={styles.grid}>
        <legend>Offer</legend>
        <OfferFields
          idPrefix={id}
          values={values}
          outcome={values.outcome}
          errors={errors}
          currency={currency}
          onChange={(k: keyof OfferValues, v) => set(k, v)}
        />
        <OfferMapping />
        <Field id={`${id}-notes`} label="Notes (optional, added to the case's)" error={errors.notes} wide>
          <textarea
            {...describedBy(`${id}-notes`, errors.notes)}
            value={values.notes}
            maxLength={2000}
            onChange={(e) => set('notes', e.target.value)}
          />
        </Field>
      </fieldset>
      {formError ? (
        <p className="error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn" disabled={close.isPending}>
          {close.isPending ? 'Closing…' : `Close ${pending.caseRef}`}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
