/**
 * Ofcom's automatic compensation amounts (landline and broadband), in pence, each in force from
 * 1 April of its year (UK time), uprated each April since 2021 by CPI of the October before.
 * Published figures, by row (looked up 30 Nov 2026):
 * - 2019: Ofcom's statement of Nov 2017 and the scheme's launch (£8 a day, £25, £5 a day);
 * - 2021: EE's automatic compensation terms (£8.06 and £5.04 a day; £25.18 is £25 × the same 0.7%);
 * - 2022: Giganet's scheme page (£8.40, £26.24, £5.25);
 * - 2023: Giganet and ISPreview/UKFCF (£9.33, £29.15, £5.83);
 * - 2024: ISPreview/UKFCF and EE (£9.76, £30.49, £6.10);
 * - 2026: the current amounts as published by Linkspeed's switching-rights guide (£10.34, £32.31, £6.46).
 * NOT A PUBLISHED FIGURE: the 2025 row. No published source was found; it is the 2024 amounts
 * × 1.023 (CPI October 2024), rounded to the penny, and the published 2026 amounts ÷ 1.036 (CPI
 * October 2025) give the same pence. Replace it with Ofcom's figure when one is at hand.
 */
export interface OfcomRates {
  from: string;
  /** Per calendar day a total loss of service stays unrepaired after two full working days. */
  delayedRepairPerDay: number;
  /** Per engineer appointment missed or cancelled with less than 24 hours' notice. */
  missedAppointment: number;
  /** Per calendar day a new service starts late, the promised day included. */
  delayedProvisionPerDay: number;
  /** Where the amounts come from; "computed" marks a row that is not a published figure. */
  source: 'published' | 'computed';
}

export const OFCOM_RATES: readonly OfcomRates[] = [
  {
    from: '2019-04-01',
    delayedRepairPerDay: 800,
    missedAppointment: 2500,
    delayedProvisionPerDay: 500,
    source: 'published',
  },
  {
    from: '2021-04-01',
    delayedRepairPerDay: 806,
    missedAppointment: 2518,
    delayedProvisionPerDay: 504,
    source: 'published',
  },
  {
    from: '2022-04-01',
    delayedRepairPerDay: 840,
    missedAppointment: 2624,
    delayedProvisionPerDay: 525,
    source: 'published',
  },
  {
    from: '2023-04-01',
    delayedRepairPerDay: 933,
    missedAppointment: 2915,
    delayedProvisionPerDay: 583,
    source: 'published',
  },
  {
    from: '2024-04-01',
    delayedRepairPerDay: 976,
    missedAppointment: 3049,
    delayedProvisionPerDay: 610,
    source: 'published',
  },
  {
    from: '2025-04-01',
    delayedRepairPerDay: 998,
    missedAppointment: 3119,
    delayedProvisionPerDay: 624,
    source: 'computed',
  },
  {
    from: '2026-04-01',
    delayedRepairPerDay: 1034,
    missedAppointment: 3231,
    delayedProvisionPerDay: 646,
    source: 'published',
  },
];

/** The amounts in force on a UK date (`YYYY-MM-DD`); the first table before 2019. */
export function ofcomRatesOn(date: string): OfcomRates {
  let rates = OFCOM_RATES[0] as OfcomRates;
  for (const r of OFCOM_RATES) if (r.from <= date) rates = r;
  return rates;
}
