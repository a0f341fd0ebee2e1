'use client';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { NavItem } from '@/lib/navigation';
import { SidebarNav } from './sidebar-nav';

/**
 * The navigation: a column beside the page on wide screens; on a phone a bar whose "Menu" button
 * opens the links over the page (the page keeps the whole width).
 */
export function Sidebar({ items }: { items: readonly NavItem[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const t = useTranslations('shell');
  const tc = useTranslations('common');
  // Following a link closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <aside className="sidebar" data-open={open ? 'true' : 'false'}>
      <div className="sidebar-head">
        <div className="brand">{tc('appName')}</div>
        <button
          type="button"
          className="menu-toggle btn btn-ghost btn-small"
          aria-expanded={open}
          aria-controls="app-nav"
          onClick={() => setOpen((value) => !value)}
        >
          {t('menu')}
        </button>
      </div>
      <SidebarNav items={items} />
    </aside>
  );
}
