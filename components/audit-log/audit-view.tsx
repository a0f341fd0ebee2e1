'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { PagerButtons } from '@/components/ui/pager-buttons';
import { useFormat } from '@/components/i18n/use-format';
import { auditCsvUrl, auditFiltersOf, auditUrlParsers, type AuditListInput } from '@/lib/schemas/audit-log';
import { useTRPC } from '@/lib/trpc/react';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import styles from './audit-log.module.css';

/**
 * The audit page's client side. `input` is what the server parsed from the URL and prefetched;
 * the filters and the pager write the URL and the server answers with the new input.
 */
export function AuditView({ input }: { input: AuditListInput }) {
  const trpc = useTRPC();
  const t = useTranslations('auditLog.view');
  const f = useFormat();
  const [isPending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(auditUrlParsers, { shallow: false, history: 'push', startTransition });
  const { data } = useSuspenseQuery(trpc.auditLog.list.queryOptions(input));
  const { data: facets } = useSuspenseQuery(trpc.auditLog.facets.queryOptions());
  const goTo = (page: number) => void setUrl({ page: page <= 1 ? null : page }, { scroll: true });
  return (
    <>
      <AuditFilters
        // Re-mounted when the URL's filters change (Back, a link), so the boxes show them.
        key={JSON.stringify(auditFiltersOf(input))}
        values={url}
        facets={facets}
        busy={isPending}
        onApply={(patch) => void setUrl(patch)}
      />
      <div className={styles.bar}>
        <span data-testid="audit-total">
          {t('total', { count: f.count(data.total), total: data.total })}
          {data.pages > 1 ? t('page', { page: f.count(data.page), pages: f.count(data.pages) }) : ''}
        </span>
        <span className={styles.pager}>
          <a className="btn btn-ghost" href={auditCsvUrl(auditFiltersOf(input))} download>
            {t('csv')}
          </a>
          {data.pages > 1 ? <PagerButtons page={data.page} pages={data.pages} busy={isPending} onPage={goTo} /> : null}
        </span>
      </div>
      <AuditTable rows={data.rows} timezone={data.timezone} />
      {data.pages > 1 ? (
        <div className={styles.bar}>
          <span />
          <PagerButtons page={data.page} pages={data.pages} busy={isPending} onPage={goTo} className={styles.pager} />
        </div>
      ) : null}
    </>
  );
}
