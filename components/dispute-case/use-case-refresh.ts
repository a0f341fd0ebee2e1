'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/lib/trpc/react';

/**
 * What a change to one case makes stale: that case, the queue lists (status, version, SLA) and,
 * for credits, the approvals list. Nothing else is refetched.
 */
export function useCaseRefresh(ref: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (options: { approvals?: boolean } = {}) =>
      Promise.all([
        queryClient.invalidateQueries(trpc.disputeCase.get.queryFilter({ ref })),
        queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() }),
        options.approvals ? queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() }) : null,
      ]),
    [queryClient, trpc, ref],
  );
}
