'use client';
import { FormFooter } from './form-footer';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { addNoteInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import type { CaseTarget } from './types';
import { useCaseRefresh } from './use-case-refresh';
import { problemWith } from './validate';
import styles from './dispute-case.module.css';

export function NoteForm({ target }: { target: CaseTarget }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeCase');
  const refresh = useCaseRefresh(target.ref);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.disputeCase.addNote.mutationOptions({
      onSuccess: async () => {
        setNote('');
        await refresh();
      },
    }),
  );
  return (
    <section className="card" aria-label={t('note.label')}>
      <h2>{t('note.title')}</h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          const input = { ...target, note };
          const invalid = problemWith(addNoteInput, input, t('checkForm'));
          if (invalid) return setProblem(invalid);
          setProblem(null);
          mutation.mutate(input);
        }}
      >
        <textarea
          name="note"
          aria-label={t('note.field')}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
        />
        <FormFooter problem={problem} mutation={mutation} refresh={refresh} label={t('note.submit')} />
      </form>
    </section>
  );
}
