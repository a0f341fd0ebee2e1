'use client';
import { FormFooter } from './form-footer';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { recordCustomerNotifiedInput } from '@/lib/schemas/dispute-case';
import { useTRPC } from '@/lib/trpc/react';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@/lib/vocabularies';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { formatInstant } from './format';
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
  const t = useTranslations('disputeCase');
  const words = useWords();
  const f = useFormat();
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
    <section className="card" aria-label={t('notified.label')}>
      <h2>{t('notified.title')}</h2>
      {notifiedAt ? (
        <p className={styles.hint}>
          {t('notified.last', {
            at: formatInstant(notifiedAt, timezone, f.locale),
            channel: current ? words('channel', current) : '—',
          })}
        </p>
      ) : (
        <p className={styles.hint}>{t('notified.notYet')}</p>
      )}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          // datetime-local is the browser's local time; empty means now.
          const at = when ? new Date(when) : undefined;
          if (at && Number.isNaN(at.getTime())) return setProblem(t('notified.invalidTime'));
          const input = { ...target, channel, at };
          const invalid = problemWith(recordCustomerNotifiedInput, input, t('checkForm'));
          if (invalid) return setProblem(invalid);
          setProblem(null);
          mutation.mutate(input);
        }}
      >
        <label className="field">
          <span>{t('notified.channel')}</span>
          <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as NotificationChannel)}>
            {NOTIFICATION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {words('channel', c)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('notified.when')}</span>
          <input name="notifiedAt" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <FormFooter problem={problem} mutation={mutation} refresh={refresh} label={t('notified.submit')} />
      </form>
    </section>
  );
}
