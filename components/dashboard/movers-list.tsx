'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatValue, type ValueKind } from '@/components/charts/value-format';
import { formatDecimal } from '@/lib/format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';

const METRICS = {
  churnRate: { kind: 'rate', goodWhen: 'down' },
  disputesOpened: { kind: 'count', goodWhen: 'down' },
  compensationCents: { kind: 'cents', goodWhen: 'down' },
  saveRate: { kind: 'rate', goodWhen: 'up' },
} as const satisfies Record<string, { kind: ValueKind; goodWhen: 'up' | 'down' }>;

/** The regions and reps whose figures moved most against the previous period. */
export function MoversList({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data: movers } = useSuspenseQuery(trpc.dashboard.movers.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  const t = useTranslations('dashboard.movers');
  const locale = useLocale();
  const names = new Map<string, string>([
    ...options.regions.map((r) => [r.code, r.name] as const),
    ...options.reps.map((r) => [r.email, r.name] as const),
    ['automatic', t('automatic')],
  ]);
  const hrefFor = (metric: keyof typeof METRICS, key: string) => {
    switch (metric) {
      case 'churnRate':
        return drilldownHref('churned-customers', linkQuery, { region: key });
      case 'disputesOpened':
        return drilldownHref('disputes', linkQuery, { region: key });
      case 'compensationCents':
        return drilldownHref('compensations', linkQuery, { issuer: key });
      case 'saveRate':
        return drilldownHref('retention-cases', linkQuery, { basis: 'closed', rep: key });
    }
  };
  return (
    <section className="card" aria-labelledby="movers-title">
      <h2 id="movers-title">{t('title')}</h2>
      {movers.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className="data" aria-label={t('tableLabel')}>
          <thead>
            <tr>
              <th>{t('who')}</th>
              <th>{t('figure')}</th>
              <th>{t('previous')}</th>
              <th>{t('now')}</th>
              <th>{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {movers.map((m) => {
              const def = METRICS[m.metric];
              const good = m.change > 0 === (def.goodWhen === 'up');
              return (
                <tr key={`${m.metric}-${m.key}`}>
                  <td>
                    <Link href={hrefFor(m.metric, m.key)}>{names.get(m.key) ?? m.key}</Link>
                  </td>
                  <td>{t(`metrics.${m.metric}`)}</td>
                  <td>{formatValue(m.previous, def.kind, undefined, locale)}</td>
                  <td>{formatValue(m.current, def.kind, undefined, locale)}</td>
                  <td className={`delta ${good ? 'good' : 'bad'}`}>
                    {m.change > 0 ? '+' : '−'}
                    {formatDecimal(Math.abs(m.change * 100), 0, locale)}
                    {locale === 'es' ? '\u00a0%' : '%'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
