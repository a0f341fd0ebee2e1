import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cache, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/trpc/query-client';
import { createTRPCContext } from './context';
import { appRouter } from './root';

/** One QueryClient per request, shared by every prefetch of that request. */
export const getQueryClient = cache(makeQueryClient);

/** One context per request too: every prefetch of a render shares its session, databases and memo. */
const getRequestContext = cache(createTRPCContext);

/** Query options for server components: `void getQueryClient().prefetchQuery(trpc.x.y.queryOptions())`. */
export const trpc = createTRPCOptionsProxy({ ctx: getRequestContext, router: appRouter, queryClient: getQueryClient });

/** Sends what this request prefetched to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
