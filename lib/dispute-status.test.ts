import { describe, expect, it } from 'vitest';
import { DISPUTE_STATUSES, ROLES } from './vocabularies';
import { allowedTransitions, canRecordFinding, transitionProblem } from './dispute-status';

describe('dispute state machine', () => {
  it('walks the full path for a rep', () => {
    expect(allowedTransitions('open', 'rep')).toEqual(['investigating', 'resolved', 'rejected']);
    expect(allowedTransitions('investigating', 'rep')).toEqual(['awaiting_recalculation', 'resolved', 'rejected']);
    expect(allowedTransitions('awaiting_recalculation', 'rep')).toEqual(['resolved', 'investigating']);
    expect(allowedTransitions('resolved', 'rep')).toEqual([]);
    expect(allowedTransitions('rejected', 'rep')).toEqual([]);
  });

  it('lets only managers and admins reopen a closed dispute', () => {
    for (const status of ['resolved', 'rejected'] as const) {
      expect(allowedTransitions(status, 'manager')).toEqual(['investigating']);
      expect(allowedTransitions(status, 'admin')).toEqual(['investigating']);
      expect(transitionProblem({ status, undueCharge: true }, 'investigating', 'rep')).toBe(
        'Only a manager or an admin can reopen a dispute.',
      );
    }
  });

  it('gives analysts no transition at all', () => {
    for (const status of DISPUTE_STATUSES) expect(allowedTransitions(status, 'analyst')).toEqual([]);
  });

  it('never allows staying put or going back to open', () => {
    for (const role of ROLES) {
      for (const status of DISPUTE_STATUSES) {
        const to = allowedTransitions(status, role);
        expect(to).not.toContain(status);
        expect(to).not.toContain('open');
      }
    }
  });

  it('refuses an invalid move with a clear message', () => {
    expect(transitionProblem({ status: 'resolved', undueCharge: true }, 'awaiting_recalculation', 'manager')).toBe(
      'Cannot move a dispute from resolved to awaiting_recalculation.',
    );
    expect(transitionProblem({ status: 'open', undueCharge: true }, 'awaiting_recalculation', 'rep')).toBe(
      'Cannot move a dispute from open to awaiting_recalculation.',
    );
    expect(transitionProblem({ status: 'awaiting_recalculation', undueCharge: true }, 'rejected', 'rep')).toBe(
      'Cannot move a dispute from awaiting_recalculation to rejected.',
    );
  });

  it('asks for the finding the move depends on', () => {
    const investigating = (undueCharge: boolean | null) => ({ status: 'investigating' as const, undueCharge });
    expect(transitionProblem(investigating(null), 'resolved', 'rep')).toMatch(/before closing/);
    expect(transitionProblem(investigating(null), 'awaiting_recalculation', 'rep')).toMatch(
      /before asking for a recalculation/,
    );
    expect(transitionProblem(investigating(false), 'awaiting_recalculation', 'rep')).toMatch(/before asking/);
    expect(transitionProblem(investigating(true), 'rejected', 'rep')).toMatch(/resolve the dispute instead/);
    expect(transitionProblem(investigating(true), 'awaiting_recalculation', 'rep')).toBeNull();
    expect(transitionProblem(investigating(true), 'resolved', 'rep')).toBeNull();
    expect(transitionProblem(investigating(false), 'rejected', 'rep')).toBeNull();
    expect(transitionProblem({ status: 'open', undueCharge: null }, 'investigating', 'rep')).toBeNull();
  });

  it('keeps the finding editable only while the case is worked on', () => {
    expect(DISPUTE_STATUSES.filter(canRecordFinding)).toEqual(['open', 'investigating']);
  });
});
