import { describe, expect, it } from 'vitest';
import { describeDelta } from './kpi-cards';

describe('describeDelta', () => {
  it('reports rates in points and colours by the good direction', () => {
    expect(describeDelta(0.05, 0.04, { kind: 'rate', goodWhen: 'down' })).toEqual({ text: '+1.0 pts', tone: 'bad' });
    expect(describeDelta(0.62, 0.6, { kind: 'rate', goodWhen: 'up' })).toEqual({ text: '+2.0 pts', tone: 'good' });
  });

  it('reports amounts in per cent', () => {
    expect(describeDelta(90, 120, { kind: 'count', goodWhen: 'down' })).toEqual({ text: '−25.0%', tone: 'good' });
  });

  it('has no comparison when either side is empty', () => {
    expect(describeDelta(null, 3, { kind: 'count', goodWhen: 'down' }).tone).toBe('neutral');
    expect(describeDelta(3, 3, { kind: 'count', goodWhen: 'down' }).text).toBe('no change');
  });
});
