/** What the set-password and setup forms' server actions answer. */
export type PasswordFormState = { status: 'idle' } | { status: 'error'; message: string } | { status: 'done'; message: string };

export const IDLE: PasswordFormState = { status: 'idle' };

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
