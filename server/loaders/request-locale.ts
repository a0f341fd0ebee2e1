import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '@/lib/locales';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db';
import { getLocalePreference } from '../services/accounts';
import { env } from '../env';
import { requestMemo } from '../request-context';

/** The signed-in user's stored language, or null (nobody signed in, or automatic). */
export const loadLocalePreference = cache(async (): Promise<Locale | null> => {
  try {
    const user = await getSessionUser();
    return user ? await getLocalePreference(await getDb(), user.id) : null;
  } catch {
    // The database is down: the outage and error pages must still render, in the browser's language.
    return null;
  }
});

/** The language of this request: the user's choice, else the NEXT_LOCALE cookie, else Accept-Language. */
export const loadRequestLocale = cache(async (): Promise<Locale> => {
  const [preference, cookieStore, headerList] = await Promise.all([loadLocalePreference(), cookies(), headers()]);
  return resolveLocale({
    preference,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
});

/** The report time zone for dates formatted by next-intl: the admin's setting, else the environment's. */
export const loadMessageTimeZone = cache(async (): Promise<string> => {
  try {
    const db = await getDb();
    return (await requestMemo().settings(db)).reportTz;
  } catch {
    return env.REPORT_TZ;
  }
});
