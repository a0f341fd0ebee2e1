import 'server-only';
import { env } from '../../env';
import { JobFailure } from '../../jobs/job-failure';

/** One SMS: `id` is the same on every attempt, so a provider can drop a repeat. */
export interface SmsMessage {
  id: string;
  to: string;
}

export interface SmsBatch {
  outageRef: string;
  text: string;
  messages: SmsMessage[];
}

export interface ProvisioningBatch {
  outageRef: string;
  customers: { id: string; accountNumber: string }[];
}

/** Resolves when the provider accepted the whole batch; throws a JobFailure otherwise. */
export interface SmsProvider {
  send(batch: SmsBatch): Promise<void>;
}

export interface ProvisioningWebhook {
  grant(batch: ProvisioningBatch): Promise<void>;
}

export interface OutageCommsAdapters {
  sms: SmsProvider;
  /** Null when PROVISIONING_WEBHOOK_URL is unset. */
  provisioning: ProvisioningWebhook | null;
  batchSize: number;
}

const TIMEOUT_MS = 15_000;

/**
 * POSTs `body` as JSON; any answer but 2xx, a timeout or a refused connection is a JobFailure
 * whose message names the status only (never the URL: it may carry a host or a token).
 */
export async function postJson(what: string, url: string, authHeader: string | undefined, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authHeader ? { authorization: authHeader } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new JobFailure(timedOut ? `${what} did not answer within ${TIMEOUT_MS / 1000} s.` : `${what} could not be reached.`);
  }
  // The body is read so the connection is freed; its text is not shown (it may echo secrets).
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new JobFailure(`${what} answered ${response.status}.`);
}

export function httpSmsProvider(url: string, authHeader: string | undefined): SmsProvider {
  return {
    send: (batch) =>
      postJson('The SMS provider', url, authHeader, {
        outage: batch.outageRef,
        text: batch.text,
        messages: batch.messages,
      }),
  };
}

/** The default: every batch goes to the server log instead of a provider. */
export function logSmsProvider(log: (line: string) => void = console.log): SmsProvider {
  return {
    send(batch) {
      log(
        `SMS (log provider) for outage ${batch.outageRef}: ${batch.messages.length} message(s) to ` +
          `${batch.messages.map((m) => m.to).join(', ')}: ${JSON.stringify(batch.text)}`,
      );
      return Promise.resolve();
    },
  };
}

export function httpProvisioningWebhook(url: string, authHeader: string | undefined): ProvisioningWebhook {
  return {
    grant: (batch) =>
      postJson('The provisioning webhook', url, authHeader, {
        outage: batch.outageRef,
        action: 'unlimited_data',
        customers: batch.customers.map((c) => ({ id: c.id, account_number: c.accountNumber })),
      }),
  };
}

/** The adapters the environment chooses (SMS_PROVIDER, SMS_HTTP_*, SMS_BATCH_SIZE, PROVISIONING_WEBHOOK_*). */
export function adaptersFromEnv(): OutageCommsAdapters {
  const smsUrl = env.SMS_HTTP_URL;
  const sms: SmsProvider =
    env.SMS_PROVIDER === 'log'
      ? logSmsProvider()
      : smsUrl
        ? httpSmsProvider(smsUrl, env.SMS_HTTP_AUTH_HEADER)
        : {
            send: () => Promise.reject(new JobFailure('SMS_PROVIDER is http but SMS_HTTP_URL is not set.')),
          };
  const hookUrl = env.PROVISIONING_WEBHOOK_URL;
  return {
    sms,
    provisioning: hookUrl ? httpProvisioningWebhook(hookUrl, env.PROVISIONING_WEBHOOK_AUTH_HEADER) : null,
    batchSize: env.SMS_BATCH_SIZE,
  };
}
