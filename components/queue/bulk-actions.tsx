'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { allowedTransitions } from '@/lib/dispute-status';
import { useTRPC } from '@/lib/trpc/react';
import type { DisputeStatus } from '@/lib/vocabularies';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { useMutationErrorMessage, type MutationErrorLike } from '@/components/ui/mutation-error';
import type { Assignee, QueueRow } from './types';
import styles from './queue.module.css';

const UNASSIGN = '__unassign__';

/** The statuses every selected dispute may move to. */
function commonTargets(rows: readonly QueueRow[]): DisputeStatus[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  return allowedTransitions(first.status, 'manager').filter((to) =>
    rest.every((r) => allowedTransitions(r.status, 'manager').includes(to)),
  );
}

/**
 * Reassign or move the selected disputes, all or none. Each item carries the version the list
 * showed, so a dispute someone else changed meanwhile fails the lot with a conflict.
 */
export function BulkActions({
  selected,
  assignees,
  onDone,
}: {
  selected: readonly QueueRow[];
  assignees: readonly Assignee[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations('queue.bulk');
  const words = useWords();
  const errorMessage = useMutationErrorMessage();
  const f = useFormat();
  const queryClient = useQueryClient();
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // Only the queue shows what a bulk action changes.
  const reload = () => queryClient.invalidateQueries(trpc.queue.pathFilter());
  const onError = (error: MutationErrorLike) => {
    const conflict = error.data?.code === 'CONFLICT';
    const message = errorMessage(error);
    setMessage({
      error: true,
      text: conflict ? t('failedConflict', { message }) : t('failed', { message }),
    });
    void reload();
  };

  const reassign = useMutation(
    trpc.disputeCase.bulkReassign.mutationOptions({
      onSuccess: async (result, input) => {
        const count = result.items.length;
        const name = assignees.find((a) => a.email === input.assigneeEmail)?.name ?? input.assigneeEmail;
        setMessage({
          error: false,
          text: name === null ? t('unassignedDone', { count }) : t('reassignedDone', { count, name }),
        });
        setAssignee('');
        onDone();
        await reload();
      },
      onError,
    }),
  );
  const transition = useMutation(
    trpc.disputeCase.bulkTransition.mutationOptions({
      onSuccess: async (result, input) => {
        setMessage({
          error: false,
          text: t('movedDone', { count: result.items.length, status: words('disputeStatus', input.to) }),
        });
        setStatus('');
        onDone();
        await reload();
      },
      onError,
    }),
  );

  const items = selected.map((r) => ({ ref: r.ref, version: r.version }));
  const targets = commonTargets(selected);
  const busy = reassign.isPending || transition.isPending;
  const none = selected.length === 0;

  return (
    <div className={styles.bulk} role="region" aria-label={t('label')}>
      <strong>{none ? t('none') : t('selected', { count: f.count(selected.length) })}</strong>
      <form
        className={styles.inline}
        onSubmit={(e) => {
          e.preventDefault();
          if (!assignee || none) return;
          setMessage(null);
          reassign.mutate({ items, assigneeEmail: assignee === UNASSIGN ? null : assignee });
        }}
      >
        <select
          name="bulkAssignee"
          aria-label={t('reassignTo')}
          value={assignee}
          disabled={none || busy}
          onChange={(e) => setAssignee(e.target.value)}
        >
          <option value="">{t('reassignToPlaceholder')}</option>
          <option value={UNASSIGN}>{t('nobody')}</option>
          {assignees.map((a) => (
            <option key={a.email} value={a.email}>
              {a.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={none || busy || !assignee}>
          {reassign.isPending ? t('reassigning') : t('reassign')}
        </button>
      </form>
      <form
        className={styles.inline}
        onSubmit={(e) => {
          e.preventDefault();
          if (!status || none) return;
          setMessage(null);
          transition.mutate({ items, to: status as DisputeStatus });
        }}
      >
        <select
          name="bulkStatus"
          aria-label={t('moveToStatus')}
          value={status}
          disabled={none || busy || targets.length === 0}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{none || targets.length > 0 ? t('moveToStatusPlaceholder') : t('noCommonStatus')}</option>
          {targets.map((to) => (
            <option key={to} value={to}>
              {words('disputeStatus', to)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={none || busy || !status}>
          {transition.isPending ? t('moving') : t('move')}
        </button>
      </form>
      {message ? (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : styles.ok}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
