import type { RouterOutputs } from '@/lib/trpc/types';

export type DisputeCaseData = RouterOutputs['disputeCase']['get'];
export type TimelineEvent = DisputeCaseData['timeline'][number];

/** What every form needs to send a change: the case and the version it shows. */
export interface CaseTarget {
  ref: string;
  version: number;
}
