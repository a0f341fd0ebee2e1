import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutEverywhere } from '@/components/account/sign-out-everywhere';
import { NotificationPreferences } from '@/components/notifications/notification-preferences';
import { requireUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Your account' };

/** Every signed-in user: their own details and password, and signing out on every device. */
export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Your account</h1>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{user.role}</dd>
          <dt>Home region</dt>
          <dd>{user.regionCode ?? 'all regions'}</dd>
        </dl>
        <p className="muted">An administrator changes your role, region and team.</p>
      </section>
      <NotificationPreferences />
      <ChangePasswordForm email={user.email} />
      <SignOutEverywhere />
    </>
  );
}
