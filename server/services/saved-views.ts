import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { savedViews } from '@/db/schema';
import { MAX_SAVED_VIEWS, type SavedViewPage, type SavedViewSave } from '@/lib/schemas/saved-views';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';

/** A query string in one canonical form (no `?`, re-encoded), so it can only ever be a query. */
function normalizeQuery(query: string): string {
  return new URLSearchParams(query.startsWith('?') ? query.slice(1) : query).toString();
}

const columns = { id: savedViews.id, name: savedViews.name, query: savedViews.query, createdAt: savedViews.createdAt };

/** The viewer's own views of a page, by name. */
export async function listSavedViews(db: Db, viewer: SessionUser, page: SavedViewPage) {
  return db
    .select(columns)
    .from(savedViews)
    .where(and(eq(savedViews.userId, viewer.id), eq(savedViews.page, page)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}

/** Saves the viewer's view; a view of the same name on the same page is replaced. */
export async function saveView(db: Db, viewer: SessionUser, view: SavedViewSave) {
  const query = normalizeQuery(view.query);
  return db.transaction(async (tx) => {
    const mine = and(eq(savedViews.userId, viewer.id), eq(savedViews.page, view.page));
    const [existing] = await tx
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(and(mine, eq(savedViews.name, view.name)))
      .limit(1);
    if (existing) {
      const [row] = await tx.update(savedViews).set({ query }).where(eq(savedViews.id, existing.id)).returning(columns);
      if (row) return row;
    }
    const [held] = await tx.select({ n: count() }).from(savedViews).where(mine);
    if ((held?.n ?? 0) >= MAX_SAVED_VIEWS) {
      throw new ApiError('bad_request', `You already have ${MAX_SAVED_VIEWS} saved views here; remove one first.`, {
        key: 'tooManyViews',
        params: { max: MAX_SAVED_VIEWS },
      });
    }
    const [row] = await tx
      .insert(savedViews)
      .values({ userId: viewer.id, page: view.page, name: view.name, query })
      .returning(columns);
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

/** Removes one of the viewer's views; someone else's view is reported as not found. */
export async function removeView(db: Db, viewer: SessionUser, id: number): Promise<{ id: number }> {
  const [row] = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, viewer.id)))
    .returning({ id: savedViews.id });
  if (!row) throw new ApiError('not_found', 'No such saved view.', { key: 'viewNotFound' });
  return row;
}
