'use client';
import styles from './dispute-case.module.css';

interface ErrorLike {
  message: string;
  data?: { code?: string } | null;
}

/**
 * A refused change. On a conflict (someone else saved first) the case must be reloaded before
 * trying again, so the message comes with a button that does just that.
 */
export function MutationError({ error, onReload }: { error: ErrorLike | null; onReload: () => void }) {
  if (!error) return null;
  const conflict = error.data?.code === 'CONFLICT';
  return (
    <div role="alert" className={styles.alert} data-testid={conflict ? 'conflict' : 'mutation-error'}>
      <span>{error.message}</span>
      {conflict ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={onReload}>
          Reload
        </button>
      ) : null}
    </div>
  );
}
