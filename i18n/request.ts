import { getRequestConfig } from 'next-intl/server';
import { loadMessageTimeZone, loadRequestLocale } from '@/server/loaders/request-locale';
import { messagesFor } from './messages';

/** next-intl without locale routing: the language comes from the user, cookie or browser (see loadRequestLocale). */
export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([loadRequestLocale(), loadMessageTimeZone()]);
  return { locale, timeZone, messages: messagesFor(locale) };
});
