import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { LanguageSelect } from '@/components/account/language-select';
import { SignOutEverywhere } from '@/components/account/sign-out-everywhere';
import { NotificationPreferences } from '@/components/notifications/notification-preferences';
import { requireUser } from '@/server/auth/guards';
import { loadLocalePreference } from '@/server/loaders/request-locale';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

/** Every signed-in user: their own details and password, their language, and signing out on every device. */
export default async function AccountPage() {
  const user = await requireUser();
  const [t, tc, preference] = await Promise.all([
    getTranslations('account'),
    getTranslations('common'),
    loadLocalePreference(),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('details.heading')}</h2>
        <dl>
          <dt>{t('details.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('details.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('details.role')}</dt>
          <dd>{tc(`roles.${user.role}`)}</dd>
          <dt>{t('details.region')}</dt>
          <dd>{user.regionCode ?? t('details.allRegions')}</dd>
        </dl>
        <p className="muted">{t('details.adminChanges')}</p>
      </section>
      <LanguageSelect preference={preference} />
      <NotificationPreferences />
      <ChangePasswordForm email={user.email} />
      <SignOutEverywhere />
    </>
  );
}
