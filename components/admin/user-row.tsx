'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './admin-users.module.css';
import type { ShownLink } from './one-time-link';
import { UserFields, type RegionOption, type UserFieldValues } from './user-fields';

type User = RouterOutputs['admin']['users'][number];

function status(user: User): string {
  if (!user.active) return 'inactive';
  return user.canSignIn ? 'active' : 'no password set';
}

/** One user, with the admin's actions; the server refuses what would lock everyone out. */
export function UserRow({
  user,
  isSelf,
  regions,
  onLink,
  onError,
}: {
  user: User;
  isSelf: boolean;
  regions: readonly RegionOption[];
  onLink: (link: ShownLink) => void;
  onError: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<UserFieldValues | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const handlers = {
    onSuccess: async () => {
      onError(null);
      setEditing(null);
      setConfirming(false);
      await refresh();
    },
    onError: (error: { message: string }) => onError(error.message),
  };
  const update = useMutation(trpc.admin.updateUser.mutationOptions(handlers));
  const deactivate = useMutation(trpc.admin.deactivateUser.mutationOptions(handlers));
  const reactivate = useMutation(trpc.admin.reactivateUser.mutationOptions(handlers));
  const issue = useMutation(
    trpc.admin.issuePasswordLink.mutationOptions({
      onSuccess: (issued) => {
        onError(null);
        onLink({ email: issued.email, purpose: issued.purpose, link: issued.link, expiresAt: issued.expiresAt });
      },
      onError: handlers.onError,
    }),
  );
  const busy = update.isPending || deactivate.isPending || reactivate.isPending || issue.isPending;

  return (
    <tr aria-label={user.email}>
      <td>{user.name}</td>
      <td>{user.email}</td>
      {editing ? (
        <td colSpan={3}>
          <div className={styles.create}>
            <UserFields idPrefix={`edit-${user.id}`} values={editing} regions={regions} onChange={setEditing} />
          </div>
        </td>
      ) : (
        <>
          <td>{user.role}</td>
          <td>{user.regionCode ?? 'all'}</td>
          <td>{user.team ?? '—'}</td>
        </>
      )}
      <td>{status(user)}</td>
      <td>
        <span className={styles.actions}>
          {editing ? (
            <>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => update.mutate({ userId: user.id, ...editing })}>
                Save
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </>
          ) : confirming ? (
            <>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => deactivate.mutate({ userId: user.id })}>
                Deactivate {user.email} now
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(false)}>
                Keep active
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setEditing({ role: user.role, regionCode: user.regionCode, team: user.team })}
              >
                Edit
              </button>
              {user.active ? (
                <>
                  <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => issue.mutate({ userId: user.id })}>
                    {user.canSignIn ? 'Reset link' : 'Invite link'}
                  </button>
                  {isSelf ? null : (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(true)}>
                      Deactivate
                    </button>
                  )}
                </>
              ) : (
                <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => reactivate.mutate({ userId: user.id })}>
                  Reactivate
                </button>
              )}
            </>
          )}
        </span>
      </td>
    </tr>
  );
}
