'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatValue, type ValueKind } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';

const METRICS = {
  churnRate: { label: 'churn rate', kind: 'rate', goodWhen: 'down' },
  disputesOpened: { label: 'disputes opened', kind: 'count', goodWhen: 'down' },
  compensationCents: { label: 'compensation issued', kind: 'cents', goodWhen: 'down' },
  saveRate: { label: 'save rate', kind: 'rate', goodWhen: 'up' },
} as const satisfies Record<string, { label: string; kind: ValueKind; goodWhen: 'up' | 'down' }>;

/** The regions and reps whose figures moved most against the previous period. */
export function MoversList({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data: movers } = useSuspenseQuery(trpc.dashboard.movers.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  const names = new Map<string, string>([
    ...options.regions.map((r) => [r.code, r.name] as const),
    ...options.reps.map((r) => [r.email, r.name] as const),
    ['automatic', 'Automatic (proactive) compensation'],
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
      <h2 id="movers-title">What changed</h2>
      {movers.length === 0 ? (
        <p className="muted">No region or rep moved noticeably against the previous period.</p>
      ) : (
        <table className="data" aria-label="Biggest movers against the previous period">
          <thead>
            <tr>
              <th>Who</th>
              <th>Figure</th>
              <th>Previous</th>
              <th>Now</th>
              <th>Change</th>
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
                  <td>{def.label}</td>
                  <td>{formatValue(m.previous, def.kind)}</td>
                  <td>{formatValue(m.current, def.kind)}</td>
                  <td className={`delta ${good ? 'good' : 'bad'}`}>
                    {m.change > 0 ? '+' : '−'}
                    {Math.abs(m.change * 100).toFixed(0)}%
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
