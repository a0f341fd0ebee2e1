import { describe, expect, it } from 'vitest';
import { describeDelta } from './kpi-cards';

describe('describeDelta', () => {
  it('reports rates in points and colours by the good direction', () => {
    expect(describeDelta(0.05, 0.04, { kind: 'rate', goodWhen: 'down' })).toEqual({
      key: 'points',
      amount: '+1.0',
      tone: 'bad',
    });
    expect(describeDelta(0.62, 0.6, { kind: 'rate', goodWhen: 'up' })).toEqual({ key: 'points', amount: '+2.0', tone: 'good' });
  });

  it('reports amounts in per cent, in the language digits', () => {
    expect(describeDelta(90, 120, { kind: 'count', goodWhen: 'down' })).toEqual({
      key: 'percent',
      amount: '−25.0%',
      tone: 'good',
    });
    expect(describeDelta(90, 120, { kind: 'count', goodWhen: 'down' }, 'es').amount).toBe('−25,0\u00a0%');
    expect(describeDelta(1500, 0, { kind: 'count', goodWhen: 'down' }, 'es')).toEqual({
      key: 'fromZero',
      amount: '+1.500',
      tone: 'bad',
    });
  });

  it('has no comparison when either side is empty', () => {
    expect(describeDelta(null, 3, { kind: 'count', goodWhen: 'down' })).toEqual({
      key: 'noComparison',
      amount: '',
      tone: 'neutral',
    });
    expect(describeDelta(3, 3, { kind: 'count', goodWhen: 'down' }).key).toBe('noChange');
  });
});
