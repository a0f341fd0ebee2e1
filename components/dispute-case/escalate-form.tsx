'use client';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { escalateToRetentionInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import { CHURN_CATEGORIES, type ChurnCategory } from '@/lib/vocabularies';
import { useWords } from '@/components/ui/vocab';
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
  const t = useTranslations('disputeCase');
  const words = useWords();
  const refresh = useCaseRefresh(target.ref);
  const [reason, setReason] = useState<ChurnCategory>('billing');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.disputeCase.escalateToRetention.mutationOptions({
      onSuccess: async (result) => {
        setNote('');
        setDone(t('escalate.opened', { ref: result.caseRef, rep: result.rep.name }));
        await refresh();
      },
    }),
  );
  return (
    <section className="card" aria-label={t('escalate.title')}>
      <h2>{t('escalate.title')}</h2>
      {done && pendingCase ? (
        <p className={styles.ok} role="status">
          {done}
        </p>
      ) : null}
      {churned || pendingCase ? (
        <p className={`muted ${styles.empty}`}>
          {churned
            ? t('escalate.left')
            : t('escalate.alreadyHas', { ref: pendingCase?.caseRef ?? '', rep: pendingCase?.repName ?? '' })}
        </p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            const input = { ...target, reason, note };
            const invalid = problemWith(escalateToRetentionInput, input, t('checkForm'));
            if (invalid) return setProblem(invalid);
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <label className="field">
            <span>{t('escalate.why')}</span>
            <select name="retentionReason" value={reason} onChange={(e) => setReason(e.target.value as ChurnCategory)}>
              {CHURN_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {words('churnCategory', c)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('escalate.note')}</span>
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
              {mutation.isPending ? t('escalate.pending') : t('escalate.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
