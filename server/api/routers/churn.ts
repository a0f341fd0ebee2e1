import 'server-only';
import { createTRPCRouter } from '../trpc';

export const churnRouter = createTRPCRouter({});
