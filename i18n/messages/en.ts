import account from '@/messages/en/account.json';
import common from '@/messages/en/common.json';
import auth from '@/messages/en/auth.json';
import shell from '@/messages/en/shell.json';

/** The English messages, one namespace per area (messages/en/<area>.json); their shape is every language's type. */
export const en = {
  shell,
  auth,
  account,
  common,
};

export type Messages = typeof en;
