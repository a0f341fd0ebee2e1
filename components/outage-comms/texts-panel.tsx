'use client';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { OUTAGE_TEXT_KINDS } from '@/lib/outage-comms';
import { useTRPC } from '@/lib/trpc/react';
import { TextKind } from './text-kind';
import styles from './outage-comms.module.css';

/** The outage's public notice, IVR message, SMS and agent script, each versioned. */
export function TextsPanel({ outageRef }: { outageRef: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations('outageComms.texts');
  const query = trpc.outageComms.texts.queryOptions({ ref: outageRef });
  const { data } = useSuspenseQuery(query);
  const onSaved = () => {
    void queryClient.invalidateQueries({ queryKey: query.queryKey });
    void queryClient.invalidateQueries({ queryKey: trpc.outageComms.dispatchTotals.queryKey({ ref: outageRef }) });
  };
  return (
    <section className="card" aria-labelledby="outage-texts" data-testid="outage-texts">
      <h2 id="outage-texts">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div className={styles.kinds}>
        {OUTAGE_TEXT_KINDS.map((kind) => (
          <TextKind
            key={kind}
            outageRef={outageRef}
            kind={kind}
            versions={data.texts[kind]}
            canEdit={data.canEdit}
            timezone={data.timezone}
            onSaved={onSaved}
          />
        ))}
      </div>
    </section>
  );
}
