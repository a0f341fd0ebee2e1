'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';
import styles from './retention.module.css';

/** Save rate per rep and customer region, for the cases closed in the period. */
export function RepRegionTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retention.byRepRegion.queryOptions(input));
  const t = useTranslations('retention.repRegion');
  const f = useFormat();
  return (
    <section aria-labelledby="rep-region" data-testid="rep-region">
      <h2 id="rep-region">{t('title')}</h2>
      {data.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <div className="card table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('rep')}</th>
                <th scope="col">{t('region')}</th>
                <th scope="col" className={styles.num}>
                  {t('closed')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('saved')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('saveRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={`${r.rep}-${r.region}`}>
                  <td>{r.rep}</td>
                  <td>{r.region}</td>
                  <td className={styles.num}>{f.count(r.closed)}</td>
                  <td className={styles.num}>{f.count(r.saved)}</td>
                  <td className={styles.num}>{f.rate(r.saveRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
