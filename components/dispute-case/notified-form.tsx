'use client';
import { FormFooter } from './form-footer';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { recordCustomerNotifiedInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@/lib/vocabularies';
import { formatInstant, words } from './format';
import type { CaseTarget } from './types';
import { useCaseRefresh } from './use-case-refresh';
import { problemWith } from './validate';
import styles from './dispute-case.module.css';

/** When and how the customer was told; the time defaults to now. */
export function NotifiedForm({
  target,
  notifiedAt,
  channel: current,
  timezone,
}: {
  target: CaseTarget;
  notifiedAt: Date | null;
  channel: NotificationChannel | null;
  timezone: string;
}) {
  const trpc = useTRPC();
  const refresh = useCaseRefresh(target.ref);
  const [channel, setChannel] = useState<NotificationChannel>(current ?? 'phone');
  const [when, setWhen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.disputeCase.recordCustomerNotified.mutationOptions({
      onSuccess: async () => {
        setWhen('');
        await refresh();
      },
    }),
  );

  return (
    <section className="card" aria-label="Customer notified">
      <h2>Customer told</h2>
      {notifiedAt ? (
        <p className={styles.hint}>
          Last told {formatInstant(notifiedAt, timezone)} by {current ? words(current).toLowerCase() : '—'}.
        </p>
      ) : (
        <p className={styles.hint}>Not told yet.</p>
      )}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          // datetime-local is the browser's local time; empty means now.
          const at = when ? new Date(when) : undefined;
          if (at && Number.isNaN(at.getTime())) return setProblem('Not a valid time.');
          const input = { ...target, channel, at };
          const invalid = problemWith(recordCustomerNotifiedInput, input);
          if (invalid) return setProblem(invalid);
          setProblem(null);
          mutation.mutate(input);
        }}
      >
        <label className="field">
          <span>Channel</span>
          <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as NotificationChannel)}>
            {NOTIFICATION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {words(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>When (empty: now)</span>
          <input name="notifiedAt" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <FormFooter problem={problem} mutation={mutation} refresh={refresh} label="Record customer told" />
      </form>
    </section>
  );
}
