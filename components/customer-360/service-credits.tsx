'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useMutationErrorMessage } from '@/components/ui/mutation-error';
import { useWords } from '@/components/ui/vocab';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './customer-360.module.css';

type Item = RouterOutputs['customers']['serviceCredits']['items'][number];

function ItemExplanation({ item }: { item: Item }) {
  const t = useTranslations('customer360.credits');
  const e = item.explanation;
  if (e === null) return <span className="muted">{t('notOfcom')}</span>;
  return (
    <details>
      <summary>
        {t('version', { version: e.version })}
        {item.final ? '' : ` · ${t('stillCounting')}`}
      </summary>
      <p>{e.rule}</p>
      <ol>
        {e.arithmetic.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </details>
  );
}

/**
 * Ofcom's automatic compensation for this customer's missed engineer appointments and late
 * service starts: owed, credited, still owed, each with its rule and arithmetic; managers and
 * admins book what is still owed as automatic credits.
 */
export function ServiceCredits({
  account,
  currency,
  timezone,
}: {
  account: string;
  currency: string;
  timezone: string;
}) {
  const trpc = useTRPC();
  const t = useTranslations('customer360.credits');
  const words = useWords();
  const f = useFormat();
  const errorMessage = useMutationErrorMessage();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(trpc.customers.serviceCredits.queryOptions({ account }));
  const credit = useMutation(
    trpc.customers.creditServiceFailures.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() }),
    }),
  );
  if (error) return <p role="alert">{t('loadFailed', { message: errorMessage(error) })}</p>;
  if (!data || data.items.length === 0) return null;
  const money = (cents: number) => f.cents(cents, currency);
  const day = (on: string) => (on.length > 10 ? f.longInstant(new Date(on), timezone) : f.day(on));
  const bookable = data.items.some((i) => i.final && i.credited === null && i.owedCents > 0);
  return (
    <section className={styles.serviceCredits} aria-labelledby="service-credits-title">
      <h2 id="service-credits-title">{t('title')}</h2>
      <p>
        {t('totals', {
          owed: money(data.owedCents),
          credited: money(data.creditedCents),
          stillOwed: money(data.stillOwedCents),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('what')}</th>
            <th scope="col">{t('ref')}</th>
            <th scope="col">{t('service')}</th>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('owed')}</th>
            <th scope="col">{t('credited')}</th>
            <th scope="col">{t('why')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((i) => (
            <tr key={`${i.kind}-${i.ref}`}>
              <td>{t(`kind.${i.kind}`)}</td>
              <td>{i.ref}</td>
              <td>{words('service', i.service)}</td>
              <td>
                {day(i.on)} · {i.detail}
              </td>
              <td>{money(i.owedCents)}</td>
              <td>{i.credited ? `${money(i.credited.cents)} (${i.credited.compRef})` : '—'}</td>
              <td>
                <ItemExplanation item={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.canCredit && bookable ? (
        <button type="button" disabled={credit.isPending} onClick={() => credit.mutate({ account })}>
          {credit.isPending ? t('crediting') : t('credit')}
        </button>
      ) : null}
      {credit.data ? (
        <p role="status">{t('booked', { count: credit.data.created, money: money(credit.data.createdCents) })}</p>
      ) : null}
      {credit.error ? <p role="alert">{errorMessage(credit.error)}</p> : null}
    </section>
  );
}
