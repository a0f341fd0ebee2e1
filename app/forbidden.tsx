import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.forbidden');
  return { title: t('title') };
}

export default function Forbidden() {
  const t = useTranslations('common');
  return (
    <div className="login-wrap">
      <div className="card login-card">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body')}</p>
        <Link href="/">{t('backHome')}</Link>
      </div>
    </div>
  );
}
