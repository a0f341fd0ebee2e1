import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/locales';
import { MESSAGES, type Messages } from './messages';

/** A translator outside a request (emails, jobs): the recipient's language, not the request's. */
export function translatorFor<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
