import type { Locale } from '@/lib/locales';
import type { Messages } from './messages/en';

// next-intl's typing: t('…') with a key missing from the English messages fails tsc.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
