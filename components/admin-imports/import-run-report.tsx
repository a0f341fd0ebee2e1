'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';
import { entityLabel, failureText, formatWhen } from './format-run';
import { ImportReportView } from './import-report-view';

/** One past import: who ran it and when, then its stored report. Refreshes while it is still running. */
export function ImportRunReport({ id }: { id: number }) {
  const trpc = useTRPC();
  const t = useTranslations('adminImports');
  const f = useFormat();
  const { data } = useSuspenseQuery({
    ...trpc.imports.run.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.run.status === 'running' ? 2000 : false),
  });
  const { run, timezone } = data;
  return (
    <>
      <p>
        {t.rich('run.summary', {
          entity: entityLabel(run.entity, t),
          file: run.fileName ?? t('run.theApi'),
          started: formatWhen(run.startedAt, timezone, f.locale),
          who: run.startedByName ?? t('run.theCommandLine'),
          finished: run.finishedAt ? t('run.finished', { at: formatWhen(run.finishedAt, timezone, f.locale) }) : '',
          status: t(`status.${run.status}`),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {run.report ? (
        <ImportReportView
          report={run.report}
          rejectsHref={run.hasRejects ? `/api/v1/admin/imports/${run.id}/rejects` : null}
        />
      ) : run.status === 'running' ? (
        <p className="muted" role="status">
          {t('run.stillRunning', { count: f.count(run.rowsRead) })}
        </p>
      ) : (
        <p className="error">{t('run.failed', { reason: failureText(run.failureReason, t) })}</p>
      )}
    </>
  );
}
