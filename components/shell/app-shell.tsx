import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { navItemsFor } from '@/lib/navigation';
import type { Role } from '@/lib/vocabularies';
import { NotificationBell } from '../notifications/notification-bell';
import { GlobalSearch } from './global-search';
import { Sidebar } from './sidebar';
import { SignOutButton } from './sign-out-button';

interface ShellUser {
  name: string;
  email: string;
  role: Role;
  regionCode: string | null;
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const t = useTranslations('shell');
  const tc = useTranslations('common');
  return (
    <div className="shell">
      <a className="skip-link" href="#main-content">
        {t('skipToContent')}
      </a>
      <Sidebar items={navItemsFor(user.role)} />
      <div className="main">
        <header className="topbar">
          <GlobalSearch />
          <span data-testid="current-user">
            {user.name} <span className="badge">{tc(`roles.${user.role}`)}</span>
            {user.regionCode ? <span className="muted"> · {user.regionCode}</span> : null}
          </span>
          <NotificationBell />
          <Link href="/account">{t('account')}</Link>
          <SignOutButton />
        </header>
        <main id="main-content" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
