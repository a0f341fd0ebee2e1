import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { MESSAGES } from '@/i18n/messages';
import type { Locale } from '@/lib/locales';

/** A component under test with the app's messages, as the root layout provides them (English unless told). */
export function withIntl(node: ReactNode, locale: Locale = 'en', timeZone = 'Europe/Madrid'): ReactNode {
  return createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone, children: node });
}

/** The static HTML of a component rendered with the app's messages. */
export function renderWithIntl(node: ReactNode, locale: Locale = 'en'): string {
  return renderToStaticMarkup(withIntl(node, locale));
}
