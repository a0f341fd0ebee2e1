import { describe, expect, it } from 'vitest';
import {
  eurosToCents,
  offerCompensation,
  openRetentionCaseInput,
  parseCloseCaseForm,
  parseRetentionCallForm,
  type RetentionCallFormValues,
} from './retention-calls';

const form = (values: Partial<RetentionCallFormValues>): RetentionCallFormValues => ({
  customerId: 7,
  repId: '',
  reason: 'price',
  outcome: 'saved',
  closedAt: '2024-03-05T10:30',
  mrrAtRisk: '49.90',
  offerType: 'discount',
  offerMonthlyDiscount: '7,50',
  offerMonths: '6',
  oneOffAmount: '',
  competitor: '',
  notes: '',
  ...values,
});

describe('euros', () => {
  it('reads euros with up to 2 decimals, with a point or a comma, exactly', () => {
    expect(eurosToCents('12')).toBe(1200);
    expect(eurosToCents('12.5')).toBe(1250);
    expect(eurosToCents('0,07')).toBe(7);
    expect(eurosToCents('19.99')).toBe(1999);
    expect(eurosToCents('1.005')).toBeNull();
    expect(eurosToCents('-3')).toBeNull();
    expect(eurosToCents('1,234.56')).toBeNull();
  });
});

describe('offer → compensation', () => {
  const offer = { offerMonthlyDiscountCents: 750, offerMonths: 6, oneOffAmountCents: 2990 };
  it('maps each offer type to what a save books', () => {
    expect(offerCompensation({ ...offer, offerType: 'discount' })).toEqual({
      kind: 'retention_offer',
      amountCents: 4500,
    });
    expect(offerCompensation({ ...offer, offerType: 'promotion' })).toEqual({
      kind: 'retention_offer',
      amountCents: 4500,
    });
    expect(offerCompensation({ ...offer, offerType: 'fee_waiver' })).toEqual({ kind: 'fee_waiver', amountCents: 2990 });
    expect(offerCompensation({ ...offer, offerType: 'loyalty_credit' })).toEqual({
      kind: 'loyalty_credit',
      amountCents: 2990,
    });
    expect(offerCompensation({ ...offer, offerType: 'upgrade' })).toBeNull();
    expect(offerCompensation({ ...offer, offerType: 'none' })).toBeNull();
  });
});

describe('the call form', () => {
  it('turns the text into the router input', () => {
    const parsed = parseRetentionCallForm(form({}));
    expect(parsed).toMatchObject({
      ok: true,
      input: {
        customerId: 7,
        repId: null,
        offerMonthlyDiscountCents: 750,
        offerMonths: 6,
        oneOffAmountCents: null,
        mrrAtRiskCents: 4990,
        notes: null,
      },
    });
  });

  it('drops what the chosen offer and outcome do not use', () => {
    const parsed = parseRetentionCallForm(
      form({ offerType: 'fee_waiver', oneOffAmount: '20', outcome: 'pending', competitor: 'Fibranet' }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      input: {
        offerMonthlyDiscountCents: 0,
        offerMonths: 0,
        oneOffAmountCents: 20_00,
        closedAt: null,
        competitor: null,
      },
    });
  });

  it('names the field to fix', () => {
    expect(parseRetentionCallForm(form({ offerMonthlyDiscount: '7.505' }))).toEqual({
      ok: false,
      errors: { offerMonthlyDiscount: 'Enter euros with at most 2 decimals, e.g. 12.50.' },
    });
    expect(parseRetentionCallForm(form({ customerId: null, reason: '' }))).toMatchObject({
      ok: false,
      errors: { customerId: 'Choose the customer first.', reason: 'Choose the reason the customer gave.' },
    });
    expect(parseRetentionCallForm(form({ offerMonths: '' }))).toMatchObject({
      ok: false,
      errors: { offerMonths: 'Enter for how many months the discount runs.' },
    });
    expect(parseRetentionCallForm(form({ offerType: 'loyalty_credit' }))).toMatchObject({
      ok: false,
      errors: { oneOffAmount: 'Enter the one-off amount credited to the customer.' },
    });
    expect(parseRetentionCallForm(form({ closedAt: '' }))).toMatchObject({
      ok: false,
      errors: { closedAt: 'Enter when the call was closed.' },
    });
    expect(parseRetentionCallForm(form({ offerMonthlyDiscount: '60' }))).toMatchObject({
      ok: false,
      errors: { offerMonthlyDiscount: 'The monthly discount cannot exceed the MRR at risk.' },
    });
  });

  it('refuses a closed time in the future and a competitor without a loss', () => {
    const future = new Date(Date.now() + 3_600_000);
    expect(
      openRetentionCaseInput.safeParse({
        customerId: 1,
        reason: 'price',
        offerType: 'none',
        outcome: 'saved',
        closedAt: future,
      }).success,
    ).toBe(false);
    expect(
      openRetentionCaseInput.safeParse({
        customerId: 1,
        reason: 'price',
        offerType: 'none',
        outcome: 'churned',
        closedAt: new Date(),
        competitor: 'Fibranet',
      }).error?.issues[0]?.message,
    ).toBe('A competitor is recorded only when the reason is "competitor".');
  });

  it('closes a case with the same rules', () => {
    const values = {
      caseId: 3,
      reason: 'competitor',
      outcome: 'churned',
      closedAt: '2024-03-05T10:30',
      offerType: 'none',
      offerMonthlyDiscount: '',
      offerMonths: '',
      oneOffAmount: '',
      competitor: 'Movilia',
      notes: '',
    };
    expect(parseCloseCaseForm(values)).toMatchObject({ ok: true, input: { caseId: 3, competitor: 'Movilia' } });
    expect(parseCloseCaseForm({ ...values, outcome: 'pending' })).toMatchObject({
      ok: false,
      errors: { outcome: 'Choose saved or churned.' },
    });
  });
});
