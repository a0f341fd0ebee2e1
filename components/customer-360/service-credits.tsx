'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatCents } from '@/lib/format';
import { SERVICE_LABELS } from '@/lib/billing';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './customer-360.module.css';

type Item = RouterOutputs['customers']['serviceCredits']['items'][number];

const KIND = { missed_appointment: 'Engineer appointment', delayed_start: 'New service start' } as const;

function ItemExplanation({ item }: { item: Item }) {
  const e = item.explanation;
  if (e === null) return <span className="muted">The region does not follow Ofcom’s scheme on that day.</span>;
  return (
    <details>
      <summary>
        Ofcom ({e.version}){item.final ? '' : ' · still counting'}
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
  const queryClient = useQueryClient();
  const { data, error } = useQuery(trpc.customers.serviceCredits.queryOptions({ account }));
  const credit = useMutation(
    trpc.customers.creditServiceFailures.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() }),
    }),
  );
  if (error) return <p role="alert">Service credits could not be loaded: {error.message}</p>;
  if (!data || data.items.length === 0) return null;
  const money = (cents: number) => formatCents(cents, currency);
  const day = (on: string) =>
    on.length > 10
      ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(
          new Date(on),
        )
      : on;
  const bookable = data.items.some((i) => i.final && i.credited === null && i.owedCents > 0);
  return (
    <section className={styles.serviceCredits} aria-labelledby="service-credits-title">
      <h2 id="service-credits-title">Appointments and new services (Ofcom)</h2>
      <p>
        Owed {money(data.owedCents)} · credited {money(data.creditedCents)} · still owed {money(data.stillOwedCents)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Ref</th>
            <th scope="col">Service</th>
            <th scope="col">When</th>
            <th scope="col">Owed</th>
            <th scope="col">Credited</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((i) => (
            <tr key={`${i.kind}-${i.ref}`}>
              <td>{KIND[i.kind]}</td>
              <td>{i.ref}</td>
              <td>{SERVICE_LABELS[i.service]}</td>
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
          {credit.isPending ? 'Crediting…' : 'Credit what is owed (automatic)'}
        </button>
      ) : null}
      {credit.data ? (
        <p role="status">
          {credit.data.created} credits booked, {money(credit.data.createdCents)}.
        </p>
      ) : null}
      {credit.error ? <p role="alert">{credit.error.message}</p> : null}
    </section>
  );
}
