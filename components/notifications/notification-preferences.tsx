'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { MutationError } from '@/components/ui/mutation-error';
import type { NotificationKind } from '@/lib/notification-kinds';
import { useTRPC } from '@/lib/trpc/react';

type Choice = { kind: NotificationKind; inApp: boolean; email: boolean };

/** /account: in-app and email, per kind of notification. */
export function NotificationPreferences() {
  const trpc = useTRPC();
  const t = useTranslations('notifications');
  const queryClient = useQueryClient();
  const loaded = useQuery(trpc.notifications.preferences.queryOptions());
  const [edited, setEdited] = useState<Choice[] | null>(null);
  const save = useMutation(
    trpc.notifications.setPreferences.mutationOptions({
      onSuccess: () => {
        setEdited(null);
        return queryClient.invalidateQueries({ queryKey: trpc.notifications.preferences.queryKey() });
      },
    }),
  );
  const choices = edited ?? loaded.data ?? [];
  const toggle = (kind: NotificationKind, channel: 'inApp' | 'email') =>
    setEdited(choices.map((c) => (c.kind === kind ? { ...c, [channel]: !c[channel] } : c)));
  return (
    <section className="card" id="notifications" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('preferences.heading')}</h2>
      {loaded.isError ? <p role="alert">{t('preferences.loadFailed')}</p> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ preferences: choices });
        }}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t('preferences.about')}</th>
              <th scope="col">{t('preferences.inApp')}</th>
              <th scope="col">{t('preferences.byEmail')}</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((c) => (
              <tr key={c.kind}>
                <th scope="row">{t(`kinds.${c.kind}`)}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('preferences.inAppLabel', { kind: t(`kinds.${c.kind}`) })}
                    checked={c.inApp}
                    onChange={() => toggle(c.kind, 'inApp')}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('preferences.byEmailLabel', { kind: t(`kinds.${c.kind}`) })}
                    checked={c.email}
                    onChange={() => toggle(c.kind, 'email')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <MutationError error={save.error} />
        <button type="submit" disabled={edited === null || save.isPending}>
          {t('preferences.save')}
        </button>
        {save.isSuccess && edited === null ? <p role="status">{t('preferences.saved')}</p> : null}
      </form>
      <p className="muted">{t('preferences.smtpNote')}</p>
    </section>
  );
}
