'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/lib/trpc/react';

/**
 * What a change to one outage makes stale: its page (details and compensation) and the outage
 * analytics lists; credits also change the compensation figures. Nothing else is refetched.
 */
export function useOutageRefresh(ref: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (options: { credits?: boolean } = {}) =>
      Promise.all([
        queryClient.invalidateQueries(trpc.outageResponse.get.queryFilter({ ref })),
        queryClient.invalidateQueries(trpc.outageResponse.compensation.queryFilter({ ref })),
        queryClient.invalidateQueries({ queryKey: trpc.outages.pathKey() }),
        options.credits ? queryClient.invalidateQueries({ queryKey: trpc.compensation.pathKey() }) : null,
      ]),
    [queryClient, trpc, ref],
  );
}
