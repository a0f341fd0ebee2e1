'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { decideCreditRequestInput } from '@/lib/schemas/dispute-case';
import { useMutationErrorMessage } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';
import styles from './approvals.module.css';

/**
 * Approve or reject one credit request. A rejection needs a reason for the rep. Afterwards the
 * approvals list, that dispute's case and the queue are refreshed — nothing else.
 */
export function DecideControls({ id, disputeRef }: { id: number; disputeRef: string }) {
  const trpc = useTRPC();
  const t = useTranslations('approvals');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() }),
      queryClient.invalidateQueries(trpc.disputeCase.get.queryFilter({ ref: disputeRef })),
      queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() }),
    ]);
  const mutation = useMutation(trpc.approvals.decide.mutationOptions({ onSuccess: () => refresh() }));
  const decide = (approve: boolean) => {
    const input = { id, approve, note };
    const parsed = decideCreditRequestInput.safeParse(input);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? t('checkNote'));
    setProblem(null);
    mutation.mutate(input);
  };
  const errorMessage = useMutationErrorMessage();
  const error = problem ?? (mutation.error ? errorMessage(mutation.error) : null);
  return (
    <div className={styles.decide}>
      <input
        aria-label={t('noteLabel', { id })}
        placeholder={t('notePlaceholder')}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" className="btn btn-small" disabled={mutation.isPending} onClick={() => decide(true)}>
        {t('approve')}
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={mutation.isPending}
        onClick={() => decide(false)}
      >
        {t('reject')}
      </button>
      {error ? (
        <span role="alert" className="error">
          {error}
          {mutation.error?.data?.code === 'CONFLICT' ? (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => {
                mutation.reset();
                void refresh();
              }}
            >
              {t('reload')}
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
