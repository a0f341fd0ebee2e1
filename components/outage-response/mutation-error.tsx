'use client';
import styles from './outage-response.module.css';

interface ErrorLike {
  message: string;
  data?: { zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null } | null;
}

/** A refused change, in the server's words (the first input problem when the input check failed). */
export function MutationError({ error }: { error: ErrorLike | null }) {
  if (!error) return null;
  const zod = error.data?.zodError;
  const first = zod ? (zod.formErrors[0] ?? Object.values(zod.fieldErrors).flat()[0]) : undefined;
  return (
    <p role="alert" className={styles.alert} data-testid="mutation-error">
      {first ?? error.message}
    </p>
  );
}
