'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { MutationError } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';

/** Queues with their jobs per state, then the latest failures, each with a retry button. */
export function JobsView() {
  const trpc = useTRPC();
  const t = useTranslations('adminJobs');
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery({ ...trpc.adminJobs.overview.queryOptions(), refetchInterval: 10_000 });
  const retry = useMutation(
    trpc.adminJobs.retry.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.adminJobs.overview.queryKey() }),
    }),
  );
  return (
    <>
      <section className="card" aria-labelledby="queues-heading">
        <h2 id="queues-heading">{t('queues')}</h2>
        <table data-testid="job-queues">
          <thead>
            <tr>
              <th scope="col">{t('queue')}</th>
              <th scope="col">{t('waiting')}</th>
              <th scope="col">{t('retrying')}</th>
              <th scope="col">{t('running')}</th>
              <th scope="col">{t('done')}</th>
              <th scope="col">{t('failed')}</th>
            </tr>
          </thead>
          <tbody>
            {data.queues.map((q) => (
              <tr key={q.name}>
                <th scope="row">{q.name}</th>
                <td>{q.created}</td>
                <td>{q.retry}</td>
                <td>{q.active}</td>
                <td>{q.completed}</td>
                <td>{q.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('archived')}</p>
      </section>
      <section className="card" aria-labelledby="failures-heading">
        <h2 id="failures-heading">{t('failures')}</h2>
        <MutationError error={retry.error} />
        {data.failures.length === 0 ? (
          <p className="muted">{t('noFailures')}</p>
        ) : (
          <table data-testid="job-failures">
            <thead>
              <tr>
                <th scope="col">{t('queue')}</th>
                <th scope="col">{t('failedAt')}</th>
                <th scope="col">{t('attempts')}</th>
                <th scope="col">{t('reason')}</th>
                <th scope="col">{t('action')}</th>
              </tr>
            </thead>
            <tbody>
              {data.failures.map((f) => (
                <tr key={f.id}>
                  <td>{f.queue}</td>
                  <td>{f.failedAt ?? '—'}</td>
                  <td>{f.attempts}</td>
                  <td>{f.error}</td>
                  <td>
                    <button
                      type="button"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate({ queue: f.queue, id: f.id })}
                    >
                      {t('retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
