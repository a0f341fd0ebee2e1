import account from '@/messages/es/account.json';
import common from '@/messages/es/common.json';
import type { Messages } from './en';

/** The Spanish messages: typed as the English ones, so a namespace or key missing here fails tsc. */
export const es: Messages = {
  account,
  common,
};
