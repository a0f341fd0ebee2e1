import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

export type DisputeCaseData = inferRouterOutputs<AppRouter>['disputeCase']['get'];
export type TimelineEvent = DisputeCaseData['timeline'][number];

/** What every form needs to send a change: the case and the version it shows. */
export interface CaseTarget {
  ref: string;
  version: number;
}
