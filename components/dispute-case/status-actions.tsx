'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isClosedStatus } from '@/lib/dispute-status';
import { useTRPC } from '@/lib/trpc/react';
import type { DisputeStatus } from '@/lib/vocabularies';
import { MutationError } from '@/components/ui/mutation-error';
import type { CaseTarget, DisputeCaseData } from './types';
import { useCaseRefresh } from './use-case-refresh';
import styles from './dispute-case.module.css';

function buttonLabel(from: DisputeStatus, to: DisputeStatus): string {
  if (to === 'investigating')
    return isClosedStatus(from) ? 'Reopen' : from === 'open' ? 'Start investigating' : 'Back to investigating';
  if (to === 'awaiting_recalculation') return 'Await recalculation';
  return to === 'resolved' ? 'Resolve' : 'Reject';
}

/** One button per move the state machine allows this user; a move the case is not ready for says why. */
export function StatusActions({
  target,
  status,
  transitions,
}: {
  target: CaseTarget;
  status: DisputeStatus;
  transitions: DisputeCaseData['transitions'];
}) {
  const trpc = useTRPC();
  const refresh = useCaseRefresh(target.ref);
  const [note, setNote] = useState('');
  const mutation = useMutation(
    trpc.disputeCase.transition.mutationOptions({
      onSuccess: async () => {
        setNote('');
        await refresh();
      },
    }),
  );
  if (transitions.length === 0) {
    return (
      <section className="card" aria-label="Status">
        <h2>Status</h2>
        <p className={`muted ${styles.empty}`}>
          {isClosedStatus(status)
            ? 'This dispute is closed. A manager can reopen it.'
            : 'No status change is open to you.'}
        </p>
      </section>
    );
  }
  // Closing either way waits for the same finding: say so once.
  const blocked = new Map<string, DisputeStatus[]>();
  for (const t of transitions) if (t.problem) blocked.set(t.problem, [...(blocked.get(t.problem) ?? []), t.to]);
  return (
    <section className="card" aria-label="Status">
      <h2>Move to</h2>
      <div className={styles.form}>
        <div className={styles.buttons}>
          {transitions.map((t) => (
            <button
              key={t.to}
              type="button"
              className={t.to === 'rejected' ? 'btn btn-ghost' : 'btn'}
              disabled={t.problem !== null || mutation.isPending}
              title={t.problem ?? undefined}
              data-testid={`transition-${t.to}`}
              onClick={() => mutation.mutate({ ...target, to: t.to, note: note.trim() || undefined })}
            >
              {buttonLabel(status, t.to)}
            </button>
          ))}
        </div>
        {[...blocked].map(([problem, targets]) => (
          <p key={problem} className={styles.hint}>
            {targets.map((to) => buttonLabel(status, to)).join(' / ')}: {problem}
          </p>
        ))}
        <div className="field">
          <label htmlFor="transition-note">Note with the change (optional)</label>
          <input id="transition-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </div>
        <MutationError
          error={mutation.error}
          onReload={() => {
            mutation.reset();
            void refresh();
          }}
        />
      </div>
    </section>
  );
}
