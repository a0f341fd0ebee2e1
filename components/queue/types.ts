import type { RouterOutputs } from '@/lib/trpc/types';

type QueueOutputs = RouterOutputs['queue'];
export type QueueListData = QueueOutputs['list'];
export type QueueRow = QueueListData['rows'][number];
export type QueueCountsData = QueueOutputs['counts'];
export type Assignee = QueueOutputs['assignees'][number];

/** How the page shows money and instants, from the settings. */
export interface QueueDisplay {
  currency: string;
  timezone: string;
}
