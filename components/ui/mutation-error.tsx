'use client';
import styles from './mutation-error.module.css';

/** What a failed tRPC mutation carries (TRPCClientError); `data` is absent when no answer arrived. */
export interface MutationErrorLike {
  message: string;
  data?: {
    code?: string;
    zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  } | null;
}

const NO_ANSWER = 'The server did not answer. Check your connection and try again.';

/**
 * The sentence to show for a refused or failed change: the first input problem when the input
 * check failed, otherwise the server's message, which is always written for users (an outage
 * says so, an unexpected failure gives an error id that the server log carries).
 */
export function mutationErrorMessage(error: MutationErrorLike): string {
  const zod = error.data?.zodError;
  const first = zod ? (zod.formErrors[0] ?? Object.values(zod.fieldErrors).flat()[0]) : undefined;
  if (first) return first;
  return error.data ? error.message : NO_ANSWER;
}

/**
 * A refused change. On a conflict (someone else saved first) the record must be reloaded before
 * trying again, so with `onReload` the message comes with a button that does just that.
 */
export function MutationError({ error, onReload }: { error: MutationErrorLike | null; onReload?: () => void }) {
  if (!error) return null;
  const conflict = error.data?.code === 'CONFLICT' && onReload !== undefined;
  return (
    <div role="alert" className={styles.alert} data-testid={conflict ? 'conflict' : 'mutation-error'}>
      <span>{mutationErrorMessage(error)}</span>
      {conflict ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={onReload}>
          Reload
        </button>
      ) : null}
    </div>
  );
}
