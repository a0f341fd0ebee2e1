import { buildCompensations, type CompensationSeed } from './demo-compensations';
import { buildCustomers, type CustomerSeed } from './demo-customers';
import { liveQueueDrafts, progressLive } from './demo-dispute-timeline';
import { assignDisputeRefs, buildDisputeDrafts, progressDispute, type DisputeSeed } from './demo-disputes';
import { buildOutages, type OutageSeed } from './demo-outages';
import { buildUsers, type UserSeed } from './demo-people';
import { buildRetentionCases, type RetentionSeed } from './demo-retention';
import { ANCHOR } from './demo-time';
import { rngFor } from './random';

export interface DemoData {
  users: UserSeed[];
  outages: OutageSeed[];
  customers: CustomerSeed[];
  disputes: DisputeSeed[];
  cases: RetentionSeed[];
  compensations: CompensationSeed[];
}

/**
 * The whole demo data set, in memory, before anything is written. Pure: the same `now` gives
 * the same data, and `now` only moves the demo rep's live queue (see liveQueueDrafts).
 */
export function buildDemoData(now: number): DemoData {
  const users = buildUsers();
  const outages = buildOutages();
  const customers = buildCustomers(users, outages);
  const progress = rngFor('dispute-progress');
  const settled = buildDisputeDrafts(customers, users).map((d) => progressDispute(progress, d, ANCHOR));
  const live = liveQueueDrafts(customers, users, now)
    .sort((a, b) => a.openedAt - b.openedAt)
    .map((d) => progressLive(d, now));
  // Live cases come last so the settled disputes keep the same refs and indices on every run.
  const disputes = [...settled, ...live];
  assignDisputeRefs(disputes);
  const cases = buildRetentionCases(customers, settled, users);
  const compensations = buildCompensations({ customers, users, cases, disputes, outages });
  return { users, outages, customers, disputes, cases, compensations };
}
