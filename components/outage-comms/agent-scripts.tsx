'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-comms.module.css';

/** The open outages of the caller's region with their current agent script. */
export function AgentScripts({ canOpenOutages }: { canOpenOutages: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations('outageComms.scripts');
  const f = useFormat();
  const { data } = useSuspenseQuery({ ...trpc.outageComms.activeScripts.queryOptions(), refetchInterval: 60_000 });
  if (data.outages.length === 0) return <p className="card muted">{t('none')}</p>;
  return (
    <>
      {data.outages.map((o) => (
        <section key={o.ref} className="card" aria-labelledby={`script-${o.ref}`} data-testid="agent-script">
          <h2 id={`script-${o.ref}`}>
            {o.ref} · {o.title}
          </h2>
          <p className="muted">
            {t('started', { at: f.instant(new Date(o.startedAt), data.timezone) })} ·{' '}
            {t('regions', { regions: o.regions.join(', ') })}
            {canOpenOutages ? (
              <>
                {' '}
                · <Link href={`/outages/${encodeURIComponent(o.ref)}`}>{t('open')}</Link>
              </>
            ) : null}
          </p>
          {o.script ? (
            <div className={styles.script}>
              <p className={styles.body}>{o.script.body}</p>
              <p className={`muted ${styles.meta}`}>
                {t('updated', { at: f.instant(new Date(o.script.createdAt), data.timezone), author: o.script.author })}
              </p>
            </div>
          ) : (
            <p className="muted">{t('noScript')}</p>
          )}
        </section>
      ))}
    </>
  );
}
