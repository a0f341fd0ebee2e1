import Link from 'next/link';
import type { ReactNode } from 'react';
import { navItemsFor } from '@/lib/navigation';
import type { Role } from '@/lib/vocabularies';
import { SidebarNav } from './sidebar-nav';
import { SignOutButton } from './sign-out-button';

interface ShellUser {
  name: string;
  email: string;
  role: Role;
  regionCode: string | null;
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Holdfast</div>
        <SidebarNav items={navItemsFor(user.role)} />
      </aside>
      <div className="main">
        <header className="topbar">
          <span data-testid="current-user">
            {user.name} <span className="badge">{user.role}</span>
            {user.regionCode ? <span className="muted"> · {user.regionCode}</span> : null}
          </span>
          <Link href="/account">Your account</Link>
          <SignOutButton />
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
