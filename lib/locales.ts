/** The languages of the interface. A user's stored preference is one of these or null (automatic). */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** Set by next-intl's convention; read when no signed-in user has a preference. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, by its q weights; null if none. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranges.map((r) => r.language).find(isLocale) ?? null;
}

export interface LocaleSources {
  /** The signed-in user's stored choice; null when automatic or nobody is signed in. */
  preference: string | null | undefined;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}

/** The user's preference, else the NEXT_LOCALE cookie, else the browser's languages, else English. */
export function resolveLocale({ preference, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(preference)) return preference;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The Intl locale behind a language: English keeps the app's en-GB formats, Spanish is Spain's. */
export function intlLocale(locale: string): string {
  return locale === 'es' ? 'es-ES' : 'en-GB';
}
