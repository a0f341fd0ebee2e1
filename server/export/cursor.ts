import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

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
