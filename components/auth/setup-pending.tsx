import { useTranslations } from 'next-intl';

/** What every page shows until the first admin exists (server/services/accounts/setup.ts). */
export function SetupPending() {
  const t = useTranslations('auth.pending');
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>{t('title')}</h1>
        <p>{t.rich('body', { code: (chunks) => <code>{chunks}</code> })}</p>
        <p className="muted">{t('lost')}</p>
      </div>
    </main>
  );
}
