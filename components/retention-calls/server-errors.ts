import { mutationErrorMessage, type MutationErrorLike } from '@/components/ui/mutation-error';

/** Field errors a tRPC error carries when the server's input check failed (same keys as the form's). */
export function serverFieldErrors(error: MutationErrorLike) {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (message) errors[key.replace(/Cents$/, '')] = message;
  }
  return errors;
}

/** The form-level message: a pointer to the highlighted fields, or the server's own sentence. */
export function serverFormError(error: MutationErrorLike): string {
  return error.data?.zodError ? 'Check the highlighted fields.' : mutationErrorMessage(error);
}
