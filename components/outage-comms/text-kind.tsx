'use client';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { MutationError } from '@/components/ui/mutation-error';
import { OUTAGE_TEXT_MAX_LENGTH, type OutageTextKind } from '@/lib/outage-comms';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './outage-comms.module.css';

type Version = RouterOutputs['outageComms']['texts']['texts'][OutageTextKind][number];

interface Props {
  outageRef: string;
  kind: OutageTextKind;
  versions: Version[];
  canEdit: boolean;
  timezone: string;
  onSaved: () => void;
}

/** One text of the outage: the current version, the earlier ones, and (managers) a new version. */
export function TextKind({ outageRef, kind, versions, canEdit, timezone, onSaved }: Props) {
  const trpc = useTRPC();
  const t = useTranslations('outageComms.texts');
  const f = useFormat();
  const fieldId = useId();
  const [current, ...earlier] = versions;
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation(
    trpc.outageComms.saveText.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        onSaved();
      },
    }),
  );
  const max = OUTAGE_TEXT_MAX_LENGTH[kind];
  const label = t(`kind.${kind}`);
  const when = (v: Version) => f.instant(new Date(v.createdAt), timezone);
  return (
    <section className={styles.kind} data-testid={`outage-text-${kind}`} aria-label={label}>
      <h3>{label}</h3>
      {current ? (
        <>
          <p className={styles.body} data-testid="current-text">
            {current.body}
          </p>
          <p className={`muted ${styles.meta}`}>{t('version', { at: when(current), author: current.author })}</p>
        </>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      {earlier.length > 0 ? (
        <details className={styles.history}>
          <summary>{t('history', { count: f.count(earlier.length) })}</summary>
          <ul>
            {earlier.map((v) => (
              <li key={v.id}>
                <span className="muted">{t('version', { at: when(v), author: v.author })}</span>
                <p className={styles.body}>{v.body}</p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canEdit && draft === null ? (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          data-testid={`edit-${kind}`}
          onClick={() => {
            save.reset();
            setDraft(current?.body ?? '');
          }}
        >
          {current ? t('edit') : t('write')}
        </button>
      ) : null}
      {canEdit && draft !== null ? (
        <form
          className={styles.editor}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ ref: outageRef, kind, body: draft });
          }}
        >
          <label htmlFor={fieldId} className="muted">
            {label}
          </label>
          <textarea
            id={fieldId}
            value={draft}
            maxLength={max}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby={`${fieldId}-count`}
          />
          <span id={`${fieldId}-count`} className={`muted ${styles.meta}`}>
            {t('characters', { count: f.count(draft.length), max: f.count(max) })}
          </span>
          <div className={styles.actions}>
            <button type="submit" className="btn btn-small" disabled={save.isPending || draft.trim() === ''}>
              {save.isPending ? t('saving') : t('save')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </div>
          <MutationError error={save.error} />
        </form>
      ) : null}
      {save.data && draft === null ? (
        <p role="status" className={`muted ${styles.meta}`}>
          {save.data.created ? t('saved') : t('unchanged')}
        </p>
      ) : null}
    </section>
  );
}
