'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { MutationError } from '@/components/ui/mutation-error';
import { useTRPC } from '@/lib/trpc/react';

/** Queues with their jobs per state, then the latest failures, each with a retry button. */
export function JobsView() {
  const trpc = useTRPC();
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
        <h2 id="queues-heading">Queues</h2>
        <table data-testid="job-queues">
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Waiting</th>
              <th scope="col">Retrying</th>
              <th scope="col">Running</th>
              <th scope="col">Done</th>
              <th scope="col">Failed</th>
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
        <p className="muted">Finished jobs are archived after a while; the counts are of jobs still kept.</p>
      </section>
      <section className="card" aria-labelledby="failures-heading">
        <h2 id="failures-heading">Recent failures</h2>
        <MutationError error={retry.error} />
        {data.failures.length === 0 ? (
          <p className="muted">No failed jobs.</p>
        ) : (
          <table data-testid="job-failures">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Failed at</th>
                <th scope="col">Attempts</th>
                <th scope="col">Reason</th>
                <th scope="col">Action</th>
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
                      Retry
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
