'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useWords } from '@/components/ui/vocab';
import { useMutationErrorMessage, type MutationErrorLike } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './admin-users.module.css';
import type { ShownLink } from './one-time-link';
import { UserFields, type RegionOption, type UserFieldValues } from './user-fields';

type User = RouterOutputs['admin']['users'][number];

function status(user: User): 'inactive' | 'active' | 'noPassword' {
  if (!user.active) return 'inactive';
  return user.canSignIn ? 'active' : 'noPassword';
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
  const t = useTranslations('adminUsers.table');
  const words = useWords();
  const errorMessage = useMutationErrorMessage();
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
    onError: (error: MutationErrorLike) => onError(errorMessage(error)),
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
          <td>{words('role', user.role)}</td>
          <td>{user.regionCode ?? t('all')}</td>
          <td>{words('team', user.team)}</td>
        </>
      )}
      <td>{t(status(user))}</td>
      <td>
        <span className={styles.actions}>
          {editing ? (
            <>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => update.mutate({ userId: user.id, ...editing })}>
                {t('save')}
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(null)}>
                {t('cancel')}
              </button>
            </>
          ) : confirming ? (
            <>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => deactivate.mutate({ userId: user.id })}>
                {t('deactivateNow', { email: user.email })}
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(false)}>
                {t('keepActive')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setEditing({ role: user.role, regionCode: user.regionCode, team: user.team })}
              >
                {t('edit')}
              </button>
              {user.active ? (
                <>
                  <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => issue.mutate({ userId: user.id })}>
                    {user.canSignIn ? t('resetLink') : t('inviteLink')}
                  </button>
                  {isSelf ? null : (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(true)}>
                      {t('deactivate')}
                    </button>
                  )}
                </>
              ) : (
                <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => reactivate.mutate({ userId: user.id })}>
                  {t('reactivate')}
                </button>
              )}
            </>
          )}
        </span>
      </td>
    </tr>
  );
}
