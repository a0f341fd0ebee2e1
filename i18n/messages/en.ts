import account from '@/messages/en/account.json';
import common from '@/messages/en/common.json';

/** The English messages, one namespace per area (messages/en/<area>.json); their shape is every language's type. */
export const en = {
  account,
  common,
};

export type Messages = typeof en;
