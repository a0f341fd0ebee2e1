'use client';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useWords } from '@/components/ui/vocab';
import { isClosedStatus } from '@/lib/dispute-status';
import { useTRPC } from '@/lib/trpc/react';
import type { DisputeStatus } from '@/lib/vocabularies';
import { MutationError } from '@/components/ui/mutation-error';
import type { CaseTarget, DisputeCaseData } from './types';
import { useCaseRefresh } from './use-case-refresh';
import styles from './dispute-case.module.css';

function buttonLabel(
  from: DisputeStatus,
  to: DisputeStatus,
): 'reopen' | 'startInvestigating' | 'backToInvestigating' | 'awaitRecalculation' | 'resolve' | 'reject' {
  if (to === 'investigating')
    return isClosedStatus(from) ? 'reopen' : from === 'open' ? 'startInvestigating' : 'backToInvestigating';
  if (to === 'awaiting_recalculation') return 'awaitRecalculation';
  return to === 'resolved' ? 'resolve' : 'reject';
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
  const tr = useTranslations('disputeCase.status');
  const words = useWords();
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
      <section className="card" aria-label={tr('label')}>
        <h2>{tr('label')}</h2>
        <p className={`muted ${styles.empty}`}>{isClosedStatus(status) ? tr('closed') : tr('none')}</p>
      </section>
    );
  }
  // Closing either way waits for the same finding: say so once.
  const problemText = (t: DisputeCaseData['transitions'][number]) =>
    t.problemCode
      ? tr(`problems.${t.problemCode}`, { from: words('disputeStatus', status), to: words('disputeStatus', t.to) })
      : t.problem;
  const blocked = new Map<string, DisputeStatus[]>();
  for (const t of transitions) {
    const problem = problemText(t);
    if (problem) blocked.set(problem, [...(blocked.get(problem) ?? []), t.to]);
  }
  return (
    <section className="card" aria-label={tr('label')}>
      <h2>{tr('moveTo')}</h2>
      <div className={styles.form}>
        <div className={styles.buttons}>
          {transitions.map((t) => (
            <button
              key={t.to}
              type="button"
              className={t.to === 'rejected' ? 'btn btn-ghost' : 'btn'}
              disabled={t.problem !== null || mutation.isPending}
              title={problemText(t) ?? undefined}
              data-testid={`transition-${t.to}`}
              onClick={() => mutation.mutate({ ...target, to: t.to, note: note.trim() || undefined })}
            >
              {tr(buttonLabel(status, t.to))}
            </button>
          ))}
        </div>
        {[...blocked].map(([problem, targets]) => (
          <p key={problem} className={styles.hint}>
            {targets.map((to) => tr(buttonLabel(status, to))).join(' / ')}: {problem}
          </p>
        ))}
        <div className="field">
          <label htmlFor="transition-note">{tr('note')}</label>
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
