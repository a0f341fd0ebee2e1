'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc/react';
import { DispatchPanel } from './dispatch-panel';
import { TextsPanel } from './texts-panel';

/** The outage page's communications: the versioned texts, then SMS and unlimited data. */
export function OutageCommsPanels({ outageRef, canManage }: { outageRef: string; canManage: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outageComms.texts.queryOptions({ ref: outageRef }));
  return (
    <>
      <TextsPanel outageRef={outageRef} />
      <DispatchPanel outageRef={outageRef} canManage={canManage} timezone={data.timezone} />
    </>
  );
}
