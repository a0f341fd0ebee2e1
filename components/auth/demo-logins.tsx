import { useTranslations } from 'next-intl';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';

export function DemoLogins() {
  const t = useTranslations('auth.demo');
  return (
    <section className="demo-logins" aria-label={t('label')}>
      <p className="muted">{t.rich('intro', { password: DEMO_PASSWORD, code: (chunks) => <code>{chunks}</code> })}</p>
      <ul>
        {DEMO_LOGINS.map((login) => (
          <li key={login.email}>
            <code>{login.email}</code> — {t(`accounts.${login.key}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
