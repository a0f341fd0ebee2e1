import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.notFound');
  return { title: t('title') };
}

/** Our own 404 page: Next's built-in one carries an inline <style> without the CSP nonce. */
export default function NotFound() {
  const t = useTranslations('common');
  return (
    <div className="login-wrap">
      <div className="card login-card">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <Link href="/">{t('backHome')}</Link>
      </div>
    </div>
  );
}
