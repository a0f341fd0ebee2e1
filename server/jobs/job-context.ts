import 'server-only';
import type { Db } from '@/db/client';
import type { Mailer } from '../mail/mailer';
import type { OutageCommsAdapters } from '../services/outage-comms/adapters';
import type { QueueName, QueuePayload } from './queues';

/** What every handler gets besides its payload; the runner builds it once per process. */
export interface JobContext {
  db: Db;
  /** Null when SMTP_URL is unset: notifications stay in the app. */
  mailer: Mailer | null;
  /** The app's public origin, for links in emails (NEXTAUTH_URL). */
  appUrl: string;
  /** The SMS provider and provisioning webhook; those the environment chooses when absent. */
  outageComms?: OutageCommsAdapters;
}

export interface JobInfo {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

export type JobHandler<Q extends QueueName> = (
  context: JobContext,
  payload: QueuePayload<Q>,
  job: JobInfo,
) => Promise<void>;
