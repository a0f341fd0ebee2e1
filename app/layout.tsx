import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Holdfast', template: '%s · Holdfast' },
  description: 'Care operations for telecom and ISP operators',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce
  // (proxy.ts) on its scripts: a page prerendered at build time would carry none and not run.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
