import 'server-only';
import { createTRPCRouter } from '../trpc';

export const approvalsRouter = createTRPCRouter({});
