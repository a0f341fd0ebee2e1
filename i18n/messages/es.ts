import account from '@/messages/es/account.json';
import common from '@/messages/es/common.json';
import auth from '@/messages/es/auth.json';
import shell from '@/messages/es/shell.json';
import type { Messages } from './en';

/** The Spanish messages: typed as the English ones, so a namespace or key missing here fails tsc. */
export const es: Messages = {
  shell,
  auth,
  account,
  common,
};
