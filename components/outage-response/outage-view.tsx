'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Suspense } from 'react';
import { OutageCommsPanels } from '@/components/outage-comms/outage-comms-panels';
import { useTRPC } from '@/lib/trpc/react';
import { Checklist } from './checklist';
import { CompensationPanel } from './compensation-panel';
import { FootprintPanel } from './footprint-panel';
import { HistoryPanel } from './history-panel';
import { MilestonePanel } from './milestone-panel';
import { OutageHeader } from './outage-header';
import styles from './outage-response.module.css';

/** One outage: its clock, checklist and footprint, the timeline against targets, and compensation. */
export function OutageView({ outageRef }: { outageRef: string }) {
  const trpc = useTRPC();
  const t = useTranslations('outageResponse');
  const { data: o } = useSuspenseQuery(trpc.outageResponse.get.queryOptions({ ref: outageRef }));
  return (
    <>
      <OutageHeader
        outageRef={o.ref}
        title={o.title}
        severity={o.severity}
        startedAt={o.startedAt}
        resolvedAt={o.steps.resolve}
        timezone={o.timezone}
        serverNow={o.serverNow}
      />
      <div className={styles.layout}>
        <div className={styles.column}>
          <MilestonePanel
            outageRef={o.ref}
            startedAt={o.startedAt}
            steps={o.steps}
            targets={o.targets}
            timezone={o.timezone}
            serverNow={o.serverNow}
            canManage={o.canManage}
          />
          <Suspense fallback={<p className="card muted">{t('workingOut')}</p>}>
            <CompensationPanel outageRef={o.ref} canManage={o.canManage} canForce={o.canForce} />
          </Suspense>
        </div>
        <div className={styles.column}>
          <Checklist steps={o.steps} timezone={o.timezone} />
          <FootprintPanel
            outageRef={o.ref}
            regions={o.regions}
            postcodes={o.postcodes}
            affectedCustomers={o.affectedCustomers}
            region={o.region}
            canDownload={o.canManage}
          />
          <Suspense fallback={null}>
            <OutageCommsPanels outageRef={o.ref} canManage={o.canManage} />
          </Suspense>
          <HistoryPanel history={o.history} timezone={o.timezone} />
        </div>
      </div>
    </>
  );
}
