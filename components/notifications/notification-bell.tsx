'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import styles from './notification-bell.module.css';

/** The header's bell: the unread count, kept live over server-sent events, and the latest notifications. */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations('notifications.bell');
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState<number | null>(null);
  useSubscription(
    trpc.notifications.onUnreadCount.subscriptionOptions(undefined, {
      onData: (count) => {
        setUnread(count);
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
      },
    }),
  );
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 10 }), enabled: open });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const count = unread ?? list.data?.unread ?? 0;
  return (
    <div className={styles.bell}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        {t('button')}{' '}
        <span className="badge" aria-label={t('unread', { count })} data-testid="unread-count">
          {count}
        </span>
      </button>
      {open ? (
        <div id="notification-panel" className={styles.panel} role="region" aria-label={t('panel')}>
          {list.isPending ? <p className="muted">{t('loading')}</p> : null}
          {list.isError ? <p role="alert">{t('loadFailed')}</p> : null}
          {list.data && list.data.items.length === 0 ? <p className="muted">{t('empty')}</p> : null}
          <ul className={styles.items}>
            {list.data?.items.map((item) => (
              <li key={item.id} className={item.readAt ? styles.read : undefined}>
                <Link href={item.link} onClick={() => markRead.mutate({ ids: [item.id] })}>
                  {item.title}
                </Link>
                <p className="muted">{item.body}</p>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <button type="button" onClick={() => markRead.mutate({})} disabled={count === 0 || markRead.isPending}>
              {t('markAllRead')}
            </button>
            <Link href="/account#notifications">{t('choose')}</Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
