import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { PasswordFormState } from '@/lib/password-form-state';

/** What a password form shows once its action succeeded: the message and the way to sign in. */
export function PasswordFormDone({ message }: { message: string }) {
  const t = useTranslations('auth');
  return (
    <div role="status">
      <p>{message}</p>
      <Link className="btn" href="/login">
        {t('signIn')}
      </Link>
    </div>
  );
}

/** The refusal, if any, and the submit button of a password form. */
export function PasswordFormFooter({
  state,
  pending,
  label,
  pendingLabel,
}: {
  state: PasswordFormState;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <>
      {state.status === 'error' ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
