/**
 * Ofcom's automatic compensation amounts (landline and broadband), in pence, each in force from
 * 1 April of its year (UK time). Uprated each April by CPI of the October before since 2021.
 * Sources: Ofcom's 2017 statement (2019 amounts), providers' published terms (2021: EE £8.06 and
 * £5.04; 2024: £9.76 and £6.10) and press reports (2022, 2023, 2024, 2026). The 2025 row is the
 * 2024 amounts × 1.023 (CPI October 2024), which the 2026 amounts ÷ 1.036 confirm to the penny.
 */
export interface OfcomRates {
  from: string;
  /** Per calendar day a total loss of service stays unrepaired after two full working days. */
  delayedRepairPerDay: number;
  /** Per engineer appointment missed or cancelled with less than 24 hours' notice. */
  missedAppointment: number;
  /** Per calendar day a new service starts late, the promised day included. */
  delayedProvisionPerDay: number;
}

export const OFCOM_RATES: readonly OfcomRates[] = [
  { from: '2019-04-01', delayedRepairPerDay: 800, missedAppointment: 2500, delayedProvisionPerDay: 500 },
  { from: '2021-04-01', delayedRepairPerDay: 806, missedAppointment: 2518, delayedProvisionPerDay: 504 },
  { from: '2022-04-01', delayedRepairPerDay: 840, missedAppointment: 2624, delayedProvisionPerDay: 525 },
  { from: '2023-04-01', delayedRepairPerDay: 933, missedAppointment: 2915, delayedProvisionPerDay: 583 },
  { from: '2024-04-01', delayedRepairPerDay: 976, missedAppointment: 3049, delayedProvisionPerDay: 610 },
  { from: '2025-04-01', delayedRepairPerDay: 998, missedAppointment: 3119, delayedProvisionPerDay: 624 },
  { from: '2026-04-01', delayedRepairPerDay: 1034, missedAppointment: 3231, delayedProvisionPerDay: 646 },
];

/** The amounts in force on a UK date (`YYYY-MM-DD`); the first table before 2019. */
export function ofcomRatesOn(date: string): OfcomRates {
  let rates = OFCOM_RATES[0] as OfcomRates;
  for (const r of OFCOM_RATES) if (r.from <= date) rates = r;
  return rates;
}
