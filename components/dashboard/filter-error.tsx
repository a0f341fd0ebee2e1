import { useTranslations } from 'next-intl';
import Link from 'next/link';

export function FilterError({ message, path }: { message: string; path: string }) {
  const t = useTranslations('dashboard.filters');
  return (
    <div className="card" role="alert">
      <p className="error">{message}</p>
      <Link href={path}>{t('reset')}</Link>
    </div>
  );
}
