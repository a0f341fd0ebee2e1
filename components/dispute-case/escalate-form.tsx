'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { escalateToRetentionInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import { CHURN_CATEGORIES, type ChurnCategory } from '@/lib/vocabularies';
import { words } from './format';
import { MutationError } from '@/components/ui/mutation-error';
import type { CaseTarget } from './types';
import { useCaseRefresh } from './use-case-refresh';
import { problemWith } from './validate';
import styles from './dispute-case.module.css';

/** The customer threatens to leave: hand them to the retention desk, the only team that may offer discounts. */
export function EscalateForm({
  target,
  churned,
  pendingCase,
}: {
  target: CaseTarget;
  churned: boolean;
  /** The customer's pending retention case, if the desk already has them. */
  pendingCase: { caseRef: string; repName: string } | null;
}) {
  const trpc = useTRPC();
  const refresh = useCaseRefresh(target.ref);
  const [reason, setReason] = useState<ChurnCategory>('billing');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.disputeCase.escalateToRetention.mutationOptions({
      onSuccess: async (result) => {
        setNote('');
        setDone(`Retention case ${result.caseRef} opened for ${result.rep.name}.`);
        await refresh();
      },
    }),
  );
  return (
    <section className="card" aria-label="Escalate to retention">
      <h2>Escalate to retention</h2>
      {done && pendingCase ? (
        <p className={styles.ok} role="status">
          {done}
        </p>
      ) : null}
      {churned || pendingCase ? (
        <p className={`muted ${styles.empty}`}>
          {churned
            ? 'The customer has already left.'
            : `The retention desk already has this customer: ${pendingCase?.caseRef} with ${pendingCase?.repName}.`}
        </p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            const input = { ...target, reason, note };
            const invalid = problemWith(escalateToRetentionInput, input);
            if (invalid) return setProblem(invalid);
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <label className="field">
            <span>Why they might leave</span>
            <select name="retentionReason" value={reason} onChange={(e) => setReason(e.target.value as ChurnCategory)}>
              {CHURN_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {words(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Note for the retention desk (optional)</span>
            <input name="retentionNote" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>
          {problem ? <p className="error">{problem}</p> : null}
          {done ? (
            <p className={styles.ok} role="status">
              {done}
            </p>
          ) : null}
          <MutationError
            error={mutation.error}
            onReload={() => {
              mutation.reset();
              void refresh();
            }}
          />
          <div>
            <button type="submit" className="btn btn-ghost" disabled={mutation.isPending}>
              {mutation.isPending ? 'Escalating…' : 'Escalate to retention'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
