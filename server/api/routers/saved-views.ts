import 'server-only';
import { createTRPCRouter } from '../trpc';

export const savedViewsRouter = createTRPCRouter({});
