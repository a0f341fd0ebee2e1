import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outageTexts, users } from '@/db/schema';
import { OUTAGE_TEXT_KINDS, OUTAGE_TEXT_LABELS, type OutageTextKind } from '@/lib/outage-comms';
import type { SaveOutageTextInput } from '@/lib/schemas/outage-comms';
import type { SessionUser } from '../../auth/session-user';
import { recordAudit } from '../audit';
import { getSettings } from '../settings';
import { assertMayManage, loadOutageForActor } from '../outages/access';
import { loadOutageForTexts } from './access';

export interface OutageTextVersion {
  id: number;
  body: string;
  author: string;
  createdAt: string;
}

export interface OutageTextsView {
  ref: string;
  /** Per kind, newest first: the first is the current text. Reps get the agent script only. */
  texts: Record<OutageTextKind, OutageTextVersion[]>;
  canEdit: boolean;
  /** The report time zone the times are shown in. */
  timezone: string;
}

/** How many past versions of each kind are shown. */
const HISTORY = 20;

export async function listOutageTexts(db: Db, actor: SessionUser, ref: string): Promise<OutageTextsView> {
  const outage = await loadOutageForTexts(db, actor, ref);
  const kinds: readonly OutageTextKind[] = actor.role === 'rep' ? ['agent_script'] : OUTAGE_TEXT_KINDS;
  const entries = await Promise.all(
    kinds.map(async (kind) => {
      const rows = await db
        .select({ id: outageTexts.id, body: outageTexts.body, author: users.name, createdAt: outageTexts.createdAt })
        .from(outageTexts)
        .innerJoin(users, eq(users.id, outageTexts.authorId))
        .where(and(eq(outageTexts.outageId, outage.id), eq(outageTexts.kind, kind)))
        .orderBy(desc(outageTexts.id))
        .limit(HISTORY);
      return [kind, rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))] as const;
    }),
  );
  const texts = Object.fromEntries(OUTAGE_TEXT_KINDS.map((k) => [k, [] as OutageTextVersion[]]));
  for (const [kind, rows] of entries) texts[kind] = rows;
  return {
    ref: outage.outageRef,
    texts: texts as Record<OutageTextKind, OutageTextVersion[]>,
    canEdit: actor.role === 'manager' || actor.role === 'admin',
    timezone: (await getSettings(db)).reportTz,
  };
}

/** The newest text of a kind, or null. */
export async function currentOutageText(
  db: Db,
  outageId: number,
  kind: OutageTextKind,
): Promise<{ id: number; body: string } | null> {
  const [row] = await db
    .select({ id: outageTexts.id, body: outageTexts.body })
    .from(outageTexts)
    .where(and(eq(outageTexts.outageId, outageId), eq(outageTexts.kind, kind)))
    .orderBy(desc(outageTexts.id))
    .limit(1);
  return row ?? null;
}

/**
 * A new version of one text (versions are never changed). The same body as the current one
 * adds nothing, so a double click does not make two versions.
 */
export async function saveOutageText(
  db: Db,
  actor: SessionUser,
  input: SaveOutageTextInput,
): Promise<{ id: number; created: boolean }> {
  assertMayManage(actor);
  return db.transaction(async (tx) => {
    const outage = await loadOutageForActor(tx, actor, input.ref, { lock: 'update' });
    const current = await currentOutageText(tx, outage.id, input.kind);
    if (current?.body === input.body) return { id: current.id, created: false };
    const [row] = await tx
      .insert(outageTexts)
      .values({ outageId: outage.id, kind: input.kind, body: input.body, authorId: actor.id })
      .returning({ id: outageTexts.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'outage.text',
      entity: 'outage',
      entityId: outage.outageRef,
      details: { kind: input.kind, label: OUTAGE_TEXT_LABELS[input.kind], versionId: row.id, length: input.body.length },
    });
    return { id: row.id, created: true };
  });
}
