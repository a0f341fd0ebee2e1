'use client';
import './globals.css';
import { NextIntlClientProvider } from 'next-intl';
import { useEffect, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { MESSAGES } from '@/i18n/messages';
import { DEFAULT_LOCALE, localeFromAcceptLanguage, type Locale } from '@/lib/locales';

/**
 * When the root layout itself failed: the page has no layout left, so this one brings <html> and
 * the messages (in the browser's language: the layout that knew the user's choice is what failed).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [locale, setLocale] = useState<Locale>(DEFAULT_LOCALE);
  useEffect(() => setLocale(localeFromAcceptLanguage(navigator.languages.join(',')) ?? DEFAULT_LOCALE), []);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]}>
          <div className="login-wrap">
            <ErrorState error={error} reset={reset} />
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
