import 'server-only';
import { cache } from 'react';
import type { Db } from '@/db/client';
import type { SessionUser } from './auth/session-user';
import type { KpiFilters } from './metrics/filters';
import { resolveKpiScope, type RequestedFilters } from './metrics/scope';
import { getSettings, type Settings } from './services/settings';

/**
 * What every figure of one request needs and that cannot change within it: the settings and the
 * caller's scope, each resolved once per request. A page render prefetches several procedures and
 * its loader resolves the filters; they all share the render's memo (`requestMemo`), and the
 * procedures of one tRPC HTTP batch share their context's.
 */
export interface RequestMemo {
  settings(db: Db): Promise<Settings>;
  /** resolveKpiScope, once per requested region and rep (and for the scope it resolved to). */
  scope(db: Db, user: SessionUser, requested: RequestedFilters): Promise<KpiFilters>;
  /** How many times each was really resolved in this request. */
  readonly resolutions: { settings: number; scope: number };
}

const scopeKey = (user: SessionUser, requested: RequestedFilters) =>
  JSON.stringify([user.id, requested.region || null, requested.rep?.trim().toLowerCase() || null]);

export function createRequestMemo(): RequestMemo {
  let settings: Promise<Settings> | null = null;
  const scopes = new Map<string, Promise<KpiFilters>>();
  const resolutions = { settings: 0, scope: 0 };
  return {
    resolutions,
    settings(db) {
      if (!settings) {
        resolutions.settings++;
        settings = getSettings(db);
      }
      return settings;
    },
    scope(db, user, requested) {
      const key = scopeKey(user, requested);
      const known = scopes.get(key);
      if (known) return known;
      resolutions.scope++;
      const resolved = resolveKpiScope(db, user, requested);
      scopes.set(key, resolved);
      // The page resolves the URL's filters, its procedures ask with the result: same scope.
      void resolved.then((scope) => scopes.set(scopeKey(user, scope), resolved)).catch(() => undefined);
      return resolved;
    },
  };
}

/** The memo of the current server render (React's cache lasts one request); outside a render, a fresh one per call. */
export const requestMemo = cache(createRequestMemo);
