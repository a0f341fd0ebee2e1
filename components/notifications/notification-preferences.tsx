'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MutationError } from '@/components/ui/mutation-error';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@/lib/notification-kinds';
import { useTRPC } from '@/lib/trpc/react';

type Choice = { kind: NotificationKind; inApp: boolean; email: boolean };

/** /account: in-app and email, per kind of notification. */
export function NotificationPreferences() {
  const trpc = useTRPC();
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
      <h2 id="notifications-heading">Notifications</h2>
      {loaded.isError ? <p role="alert">Your choices could not be loaded.</p> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ preferences: choices });
        }}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">About</th>
              <th scope="col">In the app</th>
              <th scope="col">By email</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((c) => (
              <tr key={c.kind}>
                <th scope="row">{NOTIFICATION_KIND_LABELS[c.kind]}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${NOTIFICATION_KIND_LABELS[c.kind]} in the app`}
                    checked={c.inApp}
                    onChange={() => toggle(c.kind, 'inApp')}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${NOTIFICATION_KIND_LABELS[c.kind]} by email`}
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
          Save notification choices
        </button>
        {save.isSuccess && edited === null ? <p role="status">Saved.</p> : null}
      </form>
      <p className="muted">Email is sent only when the server has an SMTP server configured.</p>
    </section>
  );
}
