import type { Locale } from '@/lib/locales';
import { en, type Messages } from './en';
import { es } from './es';

export type { Messages } from './en';

export const MESSAGES: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
