import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Db } from '@/db/client';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '../auth/session-user';

export interface Context {
  db: Db;
  session: SessionUser | null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.flatten() : null },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** A procedure only the given roles may call; everyone else gets FORBIDDEN. */
export function roleProcedure(...roles: [Role, ...Role[]]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.session.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${roles.join(' or ')} users may do this.` });
    }
    return next();
  });
}
