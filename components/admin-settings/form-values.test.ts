import { describe, expect, it } from 'vitest';
import type { EditableSettings } from '@/lib/schemas/settings';
import { formToPatch, toFormState } from './form-values';

const loaded: EditableSettings = {
  disputeSlaHours: 72,
  disputeDueWarningHours: 24,
  repCreditLimitPerCaseCents: 5_000,
  repCreditLimitPerMonthCents: 30_000,
  creditLimitOverrides: [{ team: 'billing', perCaseCents: 8_000, perMonthCents: 40_000 }],
  commTargetMinutes: 30,
  milestoneTargetMinutes: { detect: 15, ivr: 45, sms: 60, brief: 60, resolve: 240 },
  outageCompMultiplier: 1,
  outageCompFloorCents: 0,
  outageCompMinHours: 0,
  legalCompensationPolicies: [],
  currency: 'EUR',
  reportTz: 'Europe/Madrid',
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  maxRequestBodyBytes: 1_048_576,
  maxUploadBytes: 104_857_600,
  maxImportCellLength: 10_000,
};

describe('settings form', () => {
  it('sends nothing when nothing changed', () => {
    expect(formToPatch(toFormState(loaded), loaded)).toEqual({ ok: true, patch: {} });
  });

  it('sends only the changed keys, money typed as decimals and sent as cents', () => {
    const form = toFormState(loaded);
    expect(form.scalars.repCreditLimitPerCaseCents).toBe('50.00');
    form.scalars.repCreditLimitPerCaseCents = '62,5';
    form.scalars.currency = 'gbp';
    form.milestones.sms = '55';
    form.overrides.push({ target: 'user:7', perCase: '10', perMonth: '100.00' });
    expect(formToPatch(form, loaded)).toEqual({
      ok: true,
      patch: {
        repCreditLimitPerCaseCents: 6_250,
        creditLimitOverrides: [
          { team: 'billing', perCaseCents: 8_000, perMonthCents: 40_000 },
          { userId: 7, perCaseCents: 1_000, perMonthCents: 10_000 },
        ],
        milestoneTargetMinutes: { detect: 15, ivr: 45, sms: 55, brief: 60, resolve: 240 },
        currency: 'GBP',
      },
    });
  });

  it('sends both session lengths when one changed, so that they are checked together', () => {
    const form = toFormState(loaded);
    form.scalars.sessionIdleMinutes = '900';
    expect(formToPatch(form, loaded)).toEqual({
      ok: false,
      errors: { sessionIdleMinutes: 'The idle timeout cannot be longer than the absolute session length.' },
    });
  });

  it('reports each problem beside its field', () => {
    const form = toFormState(loaded);
    form.scalars.disputeSlaHours = 'soon';
    form.scalars.outageCompFloorCents = '1.234';
    form.milestones.resolve = '0';
    form.overrides.push({ target: '', perCase: '1', perMonth: '2' });
    expect(formToPatch(form, loaded)).toEqual({
      ok: false,
      errors: {
        disputeSlaHours: 'problems.wholeNumber',
        outageCompFloorCents: 'problems.amount',
        'creditLimitOverrides.1': 'problems.chooseTarget',
      },
    });
    form.scalars.disputeSlaHours = '0';
    form.scalars.outageCompFloorCents = '1.23';
    form.overrides.pop();
    expect(formToPatch(form, loaded)).toEqual({
      ok: false,
      errors: { disputeSlaHours: 'At least 1 hour.', 'milestoneTargetMinutes.resolve': 'At least 1 minute.' },
    });
  });
});
