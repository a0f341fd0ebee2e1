'use client';
import { useTranslations } from 'next-intl';

/** Previous / Next for a server-paginated list; a page past the end steps back to the last one. */
export function PagerButtons({
  page,
  pages,
  busy,
  onPage,
  className,
}: {
  page: number;
  pages: number;
  busy: boolean;
  onPage: (page: number) => void;
  className?: string;
}) {
  const t = useTranslations('ui.pager');
  return (
    <span className={className}>
      <button
        type="button"
        className="btn btn-ghost"
        disabled={page <= 1 || busy}
        onClick={() => onPage(Math.min(page - 1, pages))}
      >
        {t('previous')}
      </button>
      <button type="button" className="btn btn-ghost" disabled={page >= pages || busy} onClick={() => onPage(page + 1)}>
        {t('next')}
      </button>
    </span>
  );
}
