import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from './locales';

describe('resolveLocale', () => {
  it('takes the user preference over the cookie and the browser', () => {
    expect(resolveLocale({ preference: 'es', cookie: 'en', acceptLanguage: 'en-US,en;q=0.9' })).toBe('es');
    expect(resolveLocale({ preference: 'en', cookie: 'es', acceptLanguage: 'es-ES' })).toBe('en');
  });

  it('without a preference takes the cookie over the browser', () => {
    expect(resolveLocale({ preference: null, cookie: 'es', acceptLanguage: 'en-US' })).toBe('es');
    expect(resolveLocale({ preference: null, cookie: 'fr', acceptLanguage: 'es' })).toBe('es');
  });

  it('without preference or cookie follows Accept-Language, else English', () => {
    expect(resolveLocale({ preference: null, cookie: undefined, acceptLanguage: 'es-ES,es;q=0.9,en;q=0.8' })).toBe('es');
    expect(resolveLocale({ preference: null, cookie: undefined, acceptLanguage: 'de-DE,fr;q=0.9' })).toBe('en');
    expect(resolveLocale({ preference: null, cookie: null, acceptLanguage: null })).toBe('en');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('honours q weights and skips unsupported or refused languages', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, es;q=0.8')).toBe('es');
    expect(localeFromAcceptLanguage('fr-FR, es-MX;q=0.7, en;q=0.6')).toBe('es');
    expect(localeFromAcceptLanguage('es;q=0, en-GB')).toBe('en');
    expect(localeFromAcceptLanguage('*')).toBeNull();
  });
});
