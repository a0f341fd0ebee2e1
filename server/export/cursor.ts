import 'server-only';
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { isSingleConnection, queryRows, type Db } from '@/db/client';

export interface CursorOptions {
  batchSize: number;
  /** The session time zone while the rows are formatted (instants carry its offset). */
  timezone: string;
  /** Checked before every fetch: an aborted export stops reading and ends the transaction. */
  signal: AbortSignal;
  /** Called with each batch; the next batch is fetched only when it resolves (backpressure). */
  onBatch(rows: Record<string, unknown>[]): Promise<void>;
}

/**
 * Reads `query` through a server-side cursor, `batchSize` rows at a time, so no more than one batch
 * is ever in memory. `DECLARE … CURSOR` inside a read-only transaction works alike on PGlite and
 * postgres.js (which holds one pooled connection for it). A throw (abort, a failed write, a
 * database error) rolls the transaction back, which closes the cursor.
 */
export async function forEachBatch(db: Db, query: SQL, options: CursorOptions): Promise<void> {
  if (isSingleConnection(db)) return forEachHeldBatch(db, query, options);
  const fetchNext = sql.raw(`fetch forward ${Math.max(1, Math.floor(options.batchSize))} from holdfast_export`);
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('TimeZone', ${options.timezone}, true)`);
      await tx.execute(sql`declare holdfast_export no scroll cursor for ${query}`);
      for (;;) {
        options.signal.throwIfAborted();
        const rows = await queryRows<Record<string, unknown>>(tx, fetchNext);
        if (rows.length > 0) await options.onBatch(rows);
        if (rows.length < options.batchSize) break;
      }
      await tx.execute(sql`close holdfast_export`);
    },
    { accessMode: 'read only' },
  );
}

/**
 * On PGlite a transaction open for the whole export would make every other query of the process
 * wait for the download to end. A `WITH HOLD` cursor is computed when its short transaction
 * commits (to_char runs then, in the export's time zone) and kept aside by the database; each
 * fetch is then a statement of its own, and other requests run between them.
 */
async function forEachHeldBatch(db: Db, query: SQL, options: CursorOptions): Promise<void> {
  const cursor = sql.identifier(`holdfast_export_${crypto.randomBytes(6).toString('hex')}`);
  const fetchNext = sql`fetch forward ${sql.raw(String(Math.max(1, Math.floor(options.batchSize))))} from ${cursor}`;
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('TimeZone', ${options.timezone}, true)`);
      await tx.execute(sql`declare ${cursor} no scroll cursor with hold for ${query}`);
    },
    { accessMode: 'read only' },
  );
  try {
    for (;;) {
      options.signal.throwIfAborted();
      // A transaction of its own, as short as the fetch: the same shape of statements as on a server.
      const rows = await db.transaction((tx) => queryRows<Record<string, unknown>>(tx, fetchNext), {
        accessMode: 'read only',
      });
      if (rows.length > 0) await options.onBatch(rows);
      if (rows.length < options.batchSize) break;
    }
  } finally {
    // A held cursor outlives its transaction: it is closed here, whatever ended the export.
    await db.execute(sql`close ${cursor}`).catch(() => undefined);
  }
}
