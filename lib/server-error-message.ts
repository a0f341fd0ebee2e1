import type { Messages } from '@/i18n/messages/en';

export type ServerErrorKey = keyof Messages['serverErrors'];

/**
 * A refusal the interface translates: a key of the `serverErrors` messages with its parameters
 * (a parameter ending in `Cents` is money in `currency`), and the subject it is about when one
 * refusal stands for a batch (a bulk change names the dispute). The English `message` stays beside
 * it for the API, the log and older clients.
 */
export interface ServerErrorMessage {
  key: ServerErrorKey;
  params?: Record<string, string | number>;
  subject?: string;
}
