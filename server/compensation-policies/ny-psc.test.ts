import { describe, expect, it } from 'vitest';
import { newYorkPsc } from './ny-psc';
import type { CustomerFacts, OutageFacts } from './types';

/** By hand: 1/30 of the monthly rate per 24 h or part, for outages of ≥ 100 subscribers and ≥ 24 h. */
const customer: CustomerFacts = { monthlyFeeCents: 4500, services: null, previousBills: [] };
const START = Date.parse('2026-02-01T05:00:00Z');
const outage = (seconds: number, subscribers: number): OutageFacts => ({
  startedAt: new Date(START),
  endedAt: new Date(START + seconds * 1000),
  forceMajeure: false,
  services: null,
  affectedSubscribers: subscribers,
});
const DAY = 86_400;

describe('New York PSC', () => {
  it('exactly 100 subscribers for exactly 24 hours: one thirtieth', () => {
    expect(newYorkPsc(customer, outage(DAY, 100), 'in force').legalCents).toBe(150);
  });
  it('99 subscribers, or one second short of 24 hours: nothing', () => {
    expect(newYorkPsc(customer, outage(DAY, 99), 'in force').legalCents).toBe(0);
    expect(newYorkPsc(customer, outage(DAY - 1, 100), 'in force').legalCents).toBe(0);
  });
  it('each 24 hours or part: 24 h + 1 s is two, 72 h is three', () => {
    expect(newYorkPsc(customer, outage(DAY + 1, 100), 'in force').legalCents).toBe(300);
    expect(newYorkPsc(customer, outage(3 * DAY, 5000), 'in force').legalCents).toBe(450);
  });
  it('rounds half up on the whole: 10.00 ÷ 30 = 0.3333 → 33 cents; only the interrupted services count', () => {
    const tv: CustomerFacts = { monthlyFeeCents: 5000, services: { tv: 1000, internet: 4000 }, previousBills: [] };
    expect(newYorkPsc(tv, { ...outage(DAY, 100), services: ['tv'] }, 'in force').legalCents).toBe(33);
  });
});
