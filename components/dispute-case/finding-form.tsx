'use client';
import { FormFooter } from './form-footer';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { canRecordFinding } from '@/lib/dispute-status';
import { recordFindingInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import type { DisputeStatus } from '@/lib/vocabularies';
import type { CaseTarget } from './types';
import { useCaseRefresh } from './use-case-refresh';
import { problemWith } from './validate';
import styles from './dispute-case.module.css';

/** The first decision: was the charge undue? Editable while the case is open or under investigation. */
export function FindingForm({
  target,
  status,
  undueCharge,
  undueReason,
}: {
  target: CaseTarget;
  status: DisputeStatus;
  undueCharge: boolean | null;
  undueReason: string | null;
}) {
  const trpc = useTRPC();
  const refresh = useCaseRefresh(target.ref);
  const [undue, setUndue] = useState<boolean | null>(undueCharge);
  const [reason, setReason] = useState(undueReason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation(trpc.disputeCase.recordFinding.mutationOptions({ onSuccess: () => refresh() }));
  const editable = canRecordFinding(status);

  return (
    <section className="card" aria-label="Finding">
      <h2>Was the charge undue?</h2>
      {!editable ? (
        <p className={`muted ${styles.empty}`}>
          {undueCharge === null ? 'No finding recorded.' : undueCharge ? 'Yes, undue.' : 'No, the charge was due.'} The
          finding can change only while the dispute is open or under investigation.
        </p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (undue === null) return setProblem('Choose yes or no.');
            const input = { ...target, undueCharge: undue, undueReason: reason };
            const invalid = problemWith(recordFindingInput, input);
            if (invalid) return setProblem(invalid);
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <div className={styles.choices} role="radiogroup" aria-label="Charge undue">
            <label>
              <input type="radio" name="undue" checked={undue === true} onChange={() => setUndue(true)} /> Yes, undue
            </label>
            <label>
              <input type="radio" name="undue" checked={undue === false} onChange={() => setUndue(false)} /> No, it was
              due
            </label>
          </div>
          <label className="field">
            <span>{undue === false ? 'Explanation (optional)' : 'What was undue'}</span>
            <textarea name="undueReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <FormFooter problem={problem} mutation={mutation} refresh={refresh} label="Record finding" />
        </form>
      )}
    </section>
  );
}
