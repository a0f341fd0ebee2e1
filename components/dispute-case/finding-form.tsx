'use client';
import { FormFooter } from './form-footer';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('disputeCase');
  const refresh = useCaseRefresh(target.ref);
  const [undue, setUndue] = useState<boolean | null>(undueCharge);
  const [reason, setReason] = useState(undueReason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation(trpc.disputeCase.recordFinding.mutationOptions({ onSuccess: () => refresh() }));
  const editable = canRecordFinding(status);

  return (
    <section className="card" aria-label={t('finding.label')}>
      <h2>{t('finding.title')}</h2>
      {!editable ? (
        <p className={`muted ${styles.empty}`}>
          {undueCharge === null ? t('finding.none') : undueCharge ? t('finding.yes') : t('finding.no')}{' '}
          {t('finding.locked')}
        </p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (undue === null) return setProblem(t('finding.choose'));
            const input = { ...target, undueCharge: undue, undueReason: reason };
            const invalid = problemWith(recordFindingInput, input, t('checkForm'));
            if (invalid) return setProblem(invalid);
            setProblem(null);
            mutation.mutate(input);
          }}
        >
          <div className={styles.choices} role="radiogroup" aria-label={t('finding.group')}>
            <label>
              <input type="radio" name="undue" checked={undue === true} onChange={() => setUndue(true)} />{' '}
              {t('finding.yesOption')}
            </label>
            <label>
              <input type="radio" name="undue" checked={undue === false} onChange={() => setUndue(false)} />{' '}
              {t('finding.noOption')}
            </label>
          </div>
          <label className="field">
            <span>{undue === false ? t('finding.explanation') : t('finding.whatUndue')}</span>
            <textarea name="undueReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <FormFooter problem={problem} mutation={mutation} refresh={refresh} label={t('finding.submit')} />
        </form>
      )}
    </section>
  );
}
