import 'server-only';
import { adminRouter } from './routers/admin';
import { dashboardRouter } from './routers/dashboard';
import { meRouter } from './routers/me';
import { overviewRouter } from './routers/overview';
import { queueRouter } from './routers/queue';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  me: meRouter,
  overview: overviewRouter,
  dashboard: dashboardRouter,
  queue: queueRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
