import { describe, expect, it } from 'vitest';
import { assignmentFor } from './choose';
import { customerCompensation } from './evaluate';
import type { PolicyAssignment } from './types';

const ASSIGNMENTS: PolicyAssignment[] = [
  { regionCode: 'MAD', policy: 'pro-rata', effectiveFrom: '2025-01-01' },
  { regionCode: 'MAD', policy: 'es-rd899', effectiveFrom: '2026-01-21' },
  { regionCode: 'LDN', policy: 'uk-ofcom', effectiveFrom: '2020-01-01', nation: 'ENG' },
];

describe('the policy in force', () => {
  it('is the region’s latest assignment on or before the outage’s start date in the report zone', () => {
    // 23:30Z on the 20th is 00:30 on the 21st in Madrid.
    expect(assignmentFor(ASSIGNMENTS, 'MAD', new Date('2026-01-20T22:59:59Z'), 'Europe/Madrid').policy).toBe(
      'pro-rata',
    );
    expect(assignmentFor(ASSIGNMENTS, 'MAD', new Date('2026-01-20T23:30:00Z'), 'Europe/Madrid').policy).toBe(
      'es-rd899',
    );
    expect(assignmentFor(ASSIGNMENTS, 'VAL', new Date('2026-01-20T23:30:00Z'), 'Europe/Madrid').policy).toBe(
      'pro-rata',
    );
  });

  it('a change in the middle of an outage does not apply to it: the start decides for all of it', () => {
    // 48 h internet-only outage from 20 Jan 12:00 Madrid, across the change on the 21st: pro-rata 30,000 × 48/720 = 2,000.
    const startedAt = new Date('2026-01-20T11:00:00Z');
    const outage = {
      startedAt,
      endedAt: new Date('2026-01-22T11:00:00Z'),
      forceMajeure: false,
      services: null,
      affectedSubscribers: 5,
    };
    const customer = { monthlyFeeCents: 30000, services: { internet: 30000 }, previousBills: [] };
    const assignment = assignmentFor(ASSIGNMENTS, 'MAD', startedAt, 'Europe/Madrid');
    const c = customerCompensation(customer, outage, assignment, { multiplier: 1, floorCents: 0, minHours: 0 });
    expect(c.explanation).toMatchObject({ policy: 'pro-rata', legalCents: 2000 });
  });
});
