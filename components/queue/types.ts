import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

type QueueOutputs = inferRouterOutputs<AppRouter>['queue'];
export type QueueListData = QueueOutputs['list'];
export type QueueRow = QueueListData['rows'][number];
export type QueueCountsData = QueueOutputs['counts'];
export type Assignee = QueueOutputs['assignees'][number];

/** How the page shows money and instants, from the settings. */
export interface QueueDisplay {
  currency: string;
  timezone: string;
}
