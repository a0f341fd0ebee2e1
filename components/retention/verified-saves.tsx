'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { VERIFIED_SAVES as T } from './verified-saves-strings';
import styles from './retention.module.css';

type Group = Pick<RouterOutputs['retention']['verifiedSaves'], 'saved' | 'horizons'>;
type Horizon = Group['horizons'][number];

/** A rate with its counts on hover, "—" when nothing is verifiable yet. */
function RateCell({ h }: { h: Horizon }) {
  return (
    <td className={styles.num} title={T.ofVerifiable(h.verified, h.verifiable)}>
      {T.rate(h.rate)}
    </td>
  );
}

function GroupTable({
  caption,
  keyHeader,
  rows,
}: {
  caption: string;
  keyHeader: string;
  rows: { key: string; group: Group }[];
}) {
  const days = rows[0]?.group.horizons.map((h) => h.days) ?? [];
  return (
    <div className="card table-scroll">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className={styles.num}>
              {T.saved}
            </th>
            {days.map((d) => (
              <th key={d} scope="col" className={styles.num}>
                {T.at(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, group }) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td className={styles.num}>{T.count(group.saved)}</td>
              {group.horizons.map((h) => (
                <RateCell key={h.days} h={h} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Verified saves beside the save rate: 30, 60 and 90 days, then by rep and by offer. */
export function VerifiedSaves({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retention.verifiedSaves.queryOptions(input));
  return (
    <section aria-labelledby="verified-saves" data-testid="verified-saves">
      <h2 id="verified-saves">{T.title}</h2>
      <p className="muted">{T.intro}</p>
      <div className="cards">
        {data.horizons.map((h) => (
          <div key={h.days} className="card">
            <div className="kpi-label">{T.horizon(h.days)}</div>
            <div className="kpi-value">{T.rate(h.rate)}</div>
            <div className="delta muted">
              {h.verifiable > 0 ? T.ofVerifiable(h.verified, h.verifiable) : T.none} ·{' '}
              {T.notYet(data.saved - h.verifiable)}
            </div>
          </div>
        ))}
      </div>
      {data.saved === 0 ? (
        <p className="muted">{T.empty}</p>
      ) : (
        <>
          <GroupTable caption={T.byRep} keyHeader={T.rep} rows={data.byRep.map((g) => ({ key: g.rep, group: g }))} />
          <GroupTable
            caption={T.byOffer}
            keyHeader={T.offer}
            rows={data.byOffer.map((g) => ({ key: T.offerLabel(g.offerType), group: g }))}
          />
        </>
      )}
    </section>
  );
}
