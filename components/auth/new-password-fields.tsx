import { useTranslations } from 'next-intl';

/** A new password and its confirmation, for the set-password, setup and account forms. */
export function NewPasswordFields({ idPrefix }: { idPrefix: string }) {
  const t = useTranslations('auth.newPassword');
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-password`}>{t('password')}</label>
        <input
          id={`${idPrefix}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={200}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-confirm`}>{t('confirm')}</label>
        <input id={`${idPrefix}-confirm`} name="confirm" type="password" autoComplete="new-password" required />
      </div>
    </>
  );
}
