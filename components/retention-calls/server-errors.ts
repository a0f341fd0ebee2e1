/** Field errors a tRPC error carries when the server's input check failed (same keys as the form's). */
export function serverFieldErrors(error: {
  data?: { zodError?: { fieldErrors: Record<string, string[] | undefined> } | null } | null;
}) {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (message) errors[key.replace(/Cents$/, '')] = message;
  }
  return errors;
}
