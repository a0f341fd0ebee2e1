import { createLoader } from 'nuqs/server';
import { describe, expect, it } from 'vitest';
import { queueRequest, queueUrlParsers, slaStateAt } from './queue';

const load = createLoader(queueUrlParsers);
const HOUR = 3_600_000;

describe('slaStateAt', () => {
  it('is breached at the deadline and due soon within 8 h of it', () => {
    const now = Date.UTC(2024, 2, 10, 12);
    expect(slaStateAt(now, now)).toBe('breached');
    expect(slaStateAt(now + 1, now)).toBe('due-soon');
    expect(slaStateAt(now + 8 * HOUR, now)).toBe('due-soon');
    expect(slaStateAt(now + 8 * HOUR + 1, now)).toBe('on-track');
  });
});

describe('queueRequest', () => {
  it('reads the URL into a list input, amounts in cents', () => {
    const request = queueRequest(load('?status=open&sla=due-soon&bill=1&min=49.99&max=200&sort=amount&page=2'));
    expect(request).toEqual({
      ok: true,
      input: {
        status: 'open',
        cause: null,
        sla: 'due-soon',
        billNumber: 1,
        minAmountCents: 4_999,
        maxAmountCents: 20_000,
        assignee: null,
        sort: 'amount',
        dir: null,
        page: 2,
      },
    });
  });

  it('drops values outside a vocabulary and defaults the order', () => {
    const request = queueRequest(load('?status=resolved&sort=drop&dir=sideways'));
    expect(request.ok && request.input).toMatchObject({ status: null, sort: 'due', dir: null, page: 1 });
  });

  it('reports amounts that cannot be right', () => {
    expect(queueRequest(load('?min=300&max=100'))).toEqual({
      ok: false,
      error: 'The minimum amount is above the maximum.',
    });
    expect(queueRequest(load('?min=-5')).ok).toBe(false);
  });
});
