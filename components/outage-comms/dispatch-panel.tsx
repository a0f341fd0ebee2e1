'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { MutationError } from '@/components/ui/mutation-error';
import type { DispatchChannel } from '@/lib/outage-comms';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './outage-comms.module.css';

type Totals = RouterOutputs['outageComms']['dispatchTotals']['sms'];

interface Props {
  outageRef: string;
  canManage: boolean;
  timezone: string;
}

/** SMS and unlimited data: per-customer delivery totals, the latest failures, and the buttons that start them. */
export function DispatchPanel({ outageRef, canManage, timezone }: Props) {
  const trpc = useTRPC();
  const t = useTranslations('outageComms.dispatch');
  // The job works in the background: the totals are re-read every few seconds while the page is open.
  const { data } = useSuspenseQuery({
    ...trpc.outageComms.dispatchTotals.queryOptions({ ref: outageRef }),
    refetchInterval: 5_000,
  });
  const { data: texts } = useSuspenseQuery(trpc.outageComms.texts.queryOptions({ ref: outageRef }));
  const hasSms = texts.texts.sms.length > 0;
  return (
    <section className="card" aria-labelledby="outage-dispatch" data-testid="outage-dispatch">
      <h2 id="outage-dispatch">{t('title')}</h2>
      <Channel
        outageRef={outageRef}
        channel="sms"
        title={t('sms')}
        totals={data.sms}
        timezone={timezone}
        action={canManage ? t('sendSms') : null}
        blocked={hasSms ? null : t('needsSms')}
      />
      <Channel
        outageRef={outageRef}
        channel="unlimited_data"
        title={t('unlimited')}
        totals={data.unlimitedData}
        timezone={timezone}
        action={canManage ? t('grant') : null}
        blocked={data.provisioningConfigured ? null : t('noWebhook')}
      />
    </section>
  );
}

interface ChannelProps {
  outageRef: string;
  channel: DispatchChannel;
  title: string;
  totals: Totals;
  timezone: string;
  /** The button's label; null: no button (the caller may not start it). */
  action: string | null;
  /** Why the button is off, or null. */
  blocked: string | null;
}

function Channel({ outageRef, channel, title, totals, timezone, action, blocked }: ChannelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations('outageComms.dispatch');
  const f = useFormat();
  const start = useMutation(
    trpc.outageComms.startDispatch.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.outageComms.dispatchTotals.queryKey({ ref: outageRef }) }),
    }),
  );
  const figures: [string, number, string][] = [
    [t('sent'), totals.sent, 'sent'],
    [t('failed'), totals.failed, 'failed'],
    [t('pending'), totals.pending, 'pending'],
    ...(channel === 'sms' ? ([[t('noPhone'), totals.noPhone, 'no-phone']] as [string, number, string][]) : []),
    [t('notStarted'), totals.notStarted, 'not-started'],
  ];
  return (
    <div className={styles.channel} data-testid={`dispatch-${channel}`}>
      <h3>{title}</h3>
      <dl className={styles.figures}>
        {figures.map(([label, value, id]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`${channel}-${id}`} data-value={value}>
              {f.count(value)}
            </dd>
          </div>
        ))}
      </dl>
      {totals.firstSentAt ? (
        <p className="muted">{t('firstSent', { at: f.instant(new Date(totals.firstSentAt), timezone) })}</p>
      ) : null}
      {totals.failures.length > 0 ? (
        <div className="table-scroll">
          <table className="data" aria-label={`${title}: ${t('failures')}`}>
            <caption className="muted">{t('failures')}</caption>
            <thead>
              <tr>
                <th>{t('account')}</th>
                <th>{t('error')}</th>
                <th>{t('attempts')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.failures.map((x) => (
                <tr key={x.accountNumber}>
                  <td>{x.accountNumber}</td>
                  <td>{x.error}</td>
                  <td>{f.count(x.attempts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {action ? (
        <div className={styles.actions}>
          <button
            type="button"
            className="btn"
            data-testid={`start-${channel}`}
            disabled={start.isPending || blocked !== null}
            onClick={() => start.mutate({ ref: outageRef, channel })}
          >
            {start.isPending ? t('starting') : action}
          </button>
          {blocked ? <span className="muted">{blocked}</span> : null}
          {start.data ? <span role="status">{start.data.queued ? t('queued') : t('alreadyQueued')}</span> : null}
        </div>
      ) : null}
      <MutationError error={start.error} />
    </div>
  );
}
