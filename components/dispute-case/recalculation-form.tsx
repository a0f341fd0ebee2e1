'use client';
import { FormFooter } from './form-footer';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { isClosedStatus } from '@/lib/dispute-status';
import { recordRecalculationInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import type { DisputeStatus } from '@/lib/vocabularies';
import type { CaseTarget } from './types';
import { useCaseRefresh } from './use-case-refresh';
import { problemWith } from './validate';
import styles from './dispute-case.module.css';

/** The recalculation billing was asked for: its reference and the day it should be done. */
export function RecalculationForm({
  target,
  status,
  undueCharge,
  recalculationRef,
  expectedResolutionOn,
}: {
  target: CaseTarget;
  status: DisputeStatus;
  undueCharge: boolean | null;
  recalculationRef: string | null;
  expectedResolutionOn: string | null;
}) {
  const trpc = useTRPC();
  const t = useTranslations('disputeCase');
  const refresh = useCaseRefresh(target.ref);
  const [ref, setRef] = useState(recalculationRef ?? '');
  const [day, setDay] = useState(expectedResolutionOn ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation(trpc.disputeCase.recordRecalculation.mutationOptions({ onSuccess: () => refresh() }));
  const blocked = isClosedStatus(status) ? t('credit.closed') : undueCharge !== true ? t('credit.undueFirst') : null;

  return (
    <section className="card" aria-label={t('recalculation.title')}>
      <h2>{t('recalculation.title')}</h2>
      {blocked ? (
        <p className={`muted ${styles.empty}`}>{blocked}</p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            const input = { ...target, recalculationRef: ref, expectedResolutionOn: day };
            const invalid = problemWith(recordRecalculationInput, input, t('checkForm'));
            if (invalid) return setProblem(invalid);
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <label className="field">
            <span>{t('recalculation.ref')}</span>
            <input name="recalculationRef" value={ref} maxLength={64} onChange={(e) => setRef(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('recalculation.expected')}</span>
            <input name="expectedResolutionOn" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          </label>
          <FormFooter problem={problem} mutation={mutation} refresh={refresh} label={t('recalculation.submit')} />
        </form>
      )}
    </section>
  );
}
