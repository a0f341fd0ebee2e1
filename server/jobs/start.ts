import 'server-only';
import { getDbHandle } from '../db';
import { env } from '../env';
import { createSmtpMailer } from '../mail/mailer';
import { startJobRunner, type JobRunner } from './runner';

const globalForJobs = globalThis as typeof globalThis & { holdfastJobs?: Promise<JobRunner> };

/** The app's public origin, for links in emails. */
export function appUrl(): string {
  return env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
}

/**
 * Starts this process's job workers once, on the process's database handle, and stops them on
 * SIGTERM/SIGINT: a job still running then is failed and retried after the next start.
 */
export function startJobs(): Promise<JobRunner> {
  globalForJobs.holdfastJobs ??= (async () => {
    const { db } = await getDbHandle();
    const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.SMTP_FROM) : null;
    const runner = await startJobRunner(db, { context: { db, mailer, appUrl: appUrl() } });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void runner.stop().finally(() => mailer?.close());
      });
    }
    console.log(`Holdfast jobs: workers started${mailer ? '' : '; SMTP_URL unset, notifications stay in the app'}.`);
    return runner;
  })();
  return globalForJobs.holdfastJobs;
}
