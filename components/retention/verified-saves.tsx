'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { capitalize, useWords } from '@/components/ui/vocab';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './retention.module.css';

type Group = Pick<RouterOutputs['retention']['verifiedSaves'], 'saved' | 'horizons'>;
type Horizon = Group['horizons'][number];

/** A rate with its counts on hover, "—" when nothing is verifiable yet. */
function RateCell({ h }: { h: Horizon }) {
  const t = useTranslations('retention.verified');
  const f = useFormat();
  return (
    <td
      className={styles.num}
      title={t('ofVerifiable', { verified: f.count(h.verified), verifiable: f.count(h.verifiable) })}
    >
      {f.rate(h.rate)}
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
  const t = useTranslations('retention.verified');
  const f = useFormat();
  const days = rows[0]?.group.horizons.map((h) => h.days) ?? [];
  return (
    <div className="card table-scroll">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className={styles.num}>
              {t('saved')}
            </th>
            {days.map((d) => (
              <th key={d} scope="col" className={styles.num}>
                {t('at', { days: d })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, group }) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td className={styles.num}>{f.count(group.saved)}</td>
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
  const t = useTranslations('retention.verified');
  const f = useFormat();
  const words = useWords();
  const notYet = (count: number) => (count > 0 ? t('notYet', { count: f.count(count) }) : t('allVerifiable'));
  return (
    <section aria-labelledby="verified-saves" data-testid="verified-saves">
      <h2 id="verified-saves">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div className="cards">
        {data.horizons.map((h) => (
          <div key={h.days} className="card">
            <div className="kpi-label">{t('horizon', { days: h.days })}</div>
            <div className="kpi-value">{f.rate(h.rate)}</div>
            <div className="delta muted">
              {h.verifiable > 0
                ? t('ofVerifiable', { verified: f.count(h.verified), verifiable: f.count(h.verifiable) })
                : t('none')}{' '}
              · {notYet(data.saved - h.verifiable)}
            </div>
          </div>
        ))}
      </div>
      {data.saved === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <GroupTable
            caption={t('byRep')}
            keyHeader={t('rep')}
            rows={data.byRep.map((g) => ({ key: g.rep, group: g }))}
          />
          <GroupTable
            caption={t('byOffer')}
            keyHeader={t('offer')}
            rows={data.byOffer.map((g) => ({ key: capitalize(words('offerType', g.offerType)), group: g }))}
          />
        </>
      )}
    </section>
  );
}
