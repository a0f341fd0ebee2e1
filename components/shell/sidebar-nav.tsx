'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/lib/navigation';

function matches(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations('shell.nav');
  // Only the most specific match is current: /retention/new is not also /retention.
  const current = items
    .filter((item) => matches(pathname, item.href))
    .reduce<string | null>((best, item) => (best === null || item.href.length > best.length ? item.href : best), null);
  return (
    <nav id="app-nav" aria-label={t('label')}>
      {items.map((item) => (
        <Link key={item.href} href={item.href} aria-current={item.href === current ? 'page' : undefined}>
          {t(item.labelKey)}
        </Link>
      ))}
    </nav>
  );
}
