'use client';
import {
  eurosToCents,
  MAX_OFFER_MONTHS,
  MONTHLY_OFFERS,
  offerCompensation,
  ONE_OFF_OFFERS,
} from '@/lib/schemas/retention-calls';
import { OFFER_TYPES, type OfferType } from '@/lib/vocabularies';
import { describedBy, Field } from './field';
import { KIND_LABELS, label, money } from './labels';
import styles from './retention-calls.module.css';

export interface OfferValues {
  offerType: string;
  offerMonthlyDiscount: string;
  offerMonths: string;
  oneOffAmount: string;
}

interface Props {
  idPrefix: string;
  values: OfferValues;
  outcome: string;
  errors: Record<string, string>;
  currency: string;
  onChange: (key: keyof OfferValues, value: string) => void;
}

const isOfferType = (value: string): value is OfferType => (OFFER_TYPES as readonly string[]).includes(value);

/** What the chosen offer and outcome will book, in words, before the form is sent. */
function bookingText(values: OfferValues, outcome: string, currency: string): string | null {
  if (!isOfferType(values.offerType)) return null;
  if (outcome === 'pending') return 'Nothing is booked while the case is pending; closing it as saved books the offer.';
  if (outcome === 'churned')
    return 'A lost case books no compensation; the customer is marked churned at the closed time.';
  if (outcome !== 'saved') return null;
  const monthly = eurosToCents(values.offerMonthlyDiscount) ?? 0;
  const months = Number(values.offerMonths) || 0;
  const booked = offerCompensation({
    offerType: values.offerType,
    offerMonthlyDiscountCents: monthly,
    offerMonths: months,
    oneOffAmountCents: eurosToCents(values.oneOffAmount),
  });
  if (!booked) {
    return MONTHLY_OFFERS.includes(values.offerType) || ONE_OFF_OFFERS.includes(values.offerType)
      ? 'Enter the amount to see what the save costs.'
      : `${label(values.offerType)}: saving the customer books no compensation.`;
  }
  const detail = MONTHLY_OFFERS.includes(values.offerType) ? ` (${money(monthly, currency)} × ${months} months)` : '';
  return `Saving the customer books a ${KIND_LABELS[booked.kind]} of ${money(booked.amountCents, currency)}${detail}, linked to this case.`;
}

/** Offer type and its amounts; fields the offer does not use are hidden. */
export function OfferFields({ idPrefix, values, outcome, errors, currency, onChange }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const offerType = isOfferType(values.offerType) ? values.offerType : null;
  const monthly = offerType !== null && MONTHLY_OFFERS.includes(offerType);
  const oneOff = offerType !== null && ONE_OFF_OFFERS.includes(offerType);
  const booking = bookingText(values, outcome, currency);
  return (
    <>
      <Field id={id('offerType')} label="Offer made" error={errors.offerType}>
        <select
          {...describedBy(id('offerType'), errors.offerType)}
          value={values.offerType}
          onChange={(e) => onChange('offerType', e.target.value)}
        >
          <option value="">Choose…</option>
          {OFFER_TYPES.map((o) => (
            <option key={o} value={o}>
              {label(o)}
            </option>
          ))}
        </select>
      </Field>
      {monthly ? (
        <>
          <Field
            id={id('discount')}
            label="Monthly discount (€)"
            hint="Per month, in euros, e.g. 7.50"
            error={errors.offerMonthlyDiscount}
          >
            <input
              {...describedBy(id('discount'), errors.offerMonthlyDiscount, true)}
              inputMode="decimal"
              value={values.offerMonthlyDiscount}
              onChange={(e) => onChange('offerMonthlyDiscount', e.target.value)}
            />
          </Field>
          <Field id={id('months')} label="For how many months" error={errors.offerMonths}>
            <input
              {...describedBy(id('months'), errors.offerMonths)}
              type="number"
              min={1}
              max={MAX_OFFER_MONTHS}
              value={values.offerMonths}
              onChange={(e) => onChange('offerMonths', e.target.value)}
            />
          </Field>
        </>
      ) : null}
      {oneOff ? (
        <Field
          id={id('oneOff')}
          label={`One-off ${offerType === 'fee_waiver' ? 'fee waived' : 'loyalty credit'} (€)`}
          hint={outcome === 'saved' ? 'Credited once, in euros' : 'Needed when the case is closed as saved'}
          error={errors.oneOffAmount}
        >
          <input
            {...describedBy(id('oneOff'), errors.oneOffAmount, true)}
            inputMode="decimal"
            value={values.oneOffAmount}
            onChange={(e) => onChange('oneOffAmount', e.target.value)}
          />
        </Field>
      ) : null}
      {booking ? (
        <p className={`${styles.booking} ${styles.wide}`} aria-live="polite" data-testid="offer-booking">
          {booking}
        </p>
      ) : null}
    </>
  );
}

/** The offer → compensation rule, shown on the forms (OFFER_COMPENSATION in lib/schemas/retention-calls.ts). */
export function OfferMapping() {
  return (
    <details className={`${styles.mapping} ${styles.wide}`}>
      <summary>What each offer costs when the customer is saved</summary>
      <ul>
        <li>Discount or promotion: a retention offer of the monthly discount × the months.</li>
        <li>Fee waiver: a fee waiver of the one-off amount.</li>
        <li>Loyalty credit: a loyalty credit of the one-off amount.</li>
        <li>Upgrade or no offer: no compensation.</li>
      </ul>
      Each is booked as a compensation linked to the case, issued by you at the closed time. Pending and lost cases book
      nothing.
    </details>
  );
}
