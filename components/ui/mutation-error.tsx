'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import type { ServerErrorMessage } from '@/lib/server-error-message';
import styles from './mutation-error.module.css';

/** What a failed tRPC mutation carries (TRPCClientError); `data` is absent when no answer arrived. */
export interface MutationErrorLike {
  message: string;
  data?: {
    code?: string;
    zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
    /** The refusal as a message key (server/api/trpc-errors.ts), shown in the user's language. */
    i18n?: ServerErrorMessage | null;
  } | null;
}

const NO_ANSWER = 'The server did not answer. Check your connection and try again.';

/**
 * The sentence to show for a refused or failed change: the first input problem when the input
 * check failed, otherwise the server's message, which is always written for users (an outage
 * says so, an unexpected failure gives an error id that the server log carries). Without a
 * translator (code outside a component) it is the English one.
 */
export function mutationErrorMessage(
  error: MutationErrorLike,
  translate?: (message: ServerErrorMessage) => string | null,
  noAnswer = NO_ANSWER,
): string {
  const zod = error.data?.zodError;
  const first = zod ? (zod.formErrors[0] ?? Object.values(zod.fieldErrors).flat()[0]) : undefined;
  if (first) return first;
  if (!error.data) return noAnswer;
  const translated = error.data.i18n && translate ? translate(error.data.i18n) : null;
  return translated ?? error.message;
}

/** `mutationErrorMessage` in the user's language: the server's message key translated, money formatted. */
export function useMutationErrorMessage(): (error: MutationErrorLike) => string {
  const t = useTranslations('serverErrors');
  const ui = useTranslations('ui.mutationError');
  const f = useFormat();
  return useCallback(
    (error: MutationErrorLike) =>
      mutationErrorMessage(
        error,
        ({ key, params = {}, subject }) => {
          if (!t.has(key)) return null;
          const currency = typeof params.currency === 'string' ? params.currency : 'EUR';
          const shown = Object.fromEntries(
            Object.entries(params).map(([name, value]) => [
              name,
              name.endsWith('Cents') && typeof value === 'number' ? f.cents(value, currency) : value,
            ]),
          );
          const text = t(key, shown);
          return subject ? `${subject}: ${text}` : text;
        },
        ui('noAnswer'),
      ),
    [t, ui, f],
  );
}

/**
 * A refused change. On a conflict (someone else saved first) the record must be reloaded before
 * trying again, so with `onReload` the message comes with a button that does just that.
 */
export function MutationError({ error, onReload }: { error: MutationErrorLike | null; onReload?: () => void }) {
  const t = useTranslations('ui.mutationError');
  const message = useMutationErrorMessage();
  if (!error) return null;
  const conflict = error.data?.code === 'CONFLICT' && onReload !== undefined;
  return (
    <div role="alert" className={styles.alert} data-testid={conflict ? 'conflict' : 'mutation-error'}>
      <span>{message(error)}</span>
      {conflict ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={onReload}>
          {t('reload')}
        </button>
      ) : null}
    </div>
  );
}
