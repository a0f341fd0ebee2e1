'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { entityLabel, failureText, formatWhen, STATUS_LABELS } from './format-run';
import { ImportReportView } from './import-report-view';

/** One past import: who ran it and when, then its stored report. Refreshes while it is still running. */
export function ImportRunReport({ id }: { id: number }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({
    ...trpc.imports.run.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.run.status === 'running' ? 2000 : false),
  });
  const { run, timezone } = data;
  return (
    <>
      <p>
        {entityLabel(run.entity)} from <strong>{run.fileName ?? 'the API'}</strong>, started{' '}
        {formatWhen(run.startedAt, timezone)} by {run.startedByName ?? 'the command line'}
        {run.finishedAt ? `, finished ${formatWhen(run.finishedAt, timezone)}` : ''}. Status:{' '}
        <strong>{STATUS_LABELS[run.status]}</strong>.
      </p>
      {run.report ? (
        <ImportReportView
          report={run.report}
          rejectsHref={run.hasRejects ? `/api/v1/admin/imports/${run.id}/rejects` : null}
        />
      ) : run.status === 'running' ? (
        <p className="muted" role="status">
          Still running ({formatCount(run.rowsRead)} rows read so far); the report appears here when it ends.
        </p>
      ) : (
        <p className="error">The import failed: {failureText(run.failureReason)}. Nothing was written.</p>
      )}
    </>
  );
}
