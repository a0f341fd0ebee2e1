import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Db } from '@/db/client';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '../auth/session-user';
import { ApiError, type ApiErrorCode } from '../http/api-error';
import { noteWrite } from '../read-your-writes';
import type { RequestMemo } from '../request-context';
import { containsNul, serverErrorMessage, toSafeError } from './trpc-errors';

export interface Context {
  /** The primary: writes, and every read that must see the latest commit (queue, case pages, admin). */
  db: Db;
  /** Reads that may lag by the replicas' max lag (dashboard figures); the primary when absent. */
  readDb?: Db;
  session: SessionUser | null;
  /** Settings and scope resolved once for the whole request (server/request-context.ts); a fresh one when absent. */
  memo?: RequestMemo;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Errors raised outside a procedure (context, input parsing) did not pass its middleware.
    const safe = toSafeError(error);
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      code: TRPC_ERROR_CODES_BY_KEY[safe.code],
      message: safe.message,
      data: {
        ...data,
        code: safe.code,
        httpStatus: getHTTPStatusCodeFromError(safe),
        zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
        i18n: serverErrorMessage(error, safe),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const TRPC_CODES: Record<ApiErrorCode, TRPCError['code']> = {
  bad_request: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  // tRPC has no 410; an expired link is not found any more.
  gone: 'NOT_FOUND',
  too_large: 'PAYLOAD_TOO_LARGE',
  not_set_up: 'SERVICE_UNAVAILABLE',
  overloaded: 'SERVICE_UNAVAILABLE',
};

/** Services throw ApiError (shared with /api/v1); procedures answer the matching tRPC code. */
export const publicProcedure = t.procedure.use(async ({ next, getRawInput }) => {
  if (containsNul(await getRawInput())) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Text may not contain NUL characters.' });
  }
  const result = await next();
  if (!result.ok && result.error.cause instanceof ApiError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  // Unexpected failures leave as a safe message (outage, bad value, or an error id in the log).
  if (!result.ok) throw toSafeError(result.error);
  return result;
});

export const protectedProcedure = publicProcedure.use(async ({ ctx, next, type }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  try {
    return await next({ ctx: { ...ctx, session } });
  } finally {
    // The user's next lagging reads go to the primary, so they see what they just changed.
    if (type === 'mutation') noteWrite(session.id);
  }
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
