import 'server-only';
import type { Readable } from 'node:stream';
import type { Sql } from 'postgres';

export interface CopyReadOptions {
  /** The session time zone while the rows are formatted (instants carry its offset). */
  timezone: string;
  /** An aborted export cancels the statement and ends the transaction. */
  signal: AbortSignal;
  /** Bytes gathered before `onChunk` (PostgreSQL sends one message per row). */
  chunkBytes: number;
  /** Called with the output in order; the next chunk is read only when it resolves (backpressure). */
  onChunk(bytes: Buffer): Promise<void>;
}

/**
 * Streams `COPY … TO STDOUT` in a read-only transaction on the client's connection. The driver
 * pauses the socket while the reader is behind, so memory holds about one chunk.
 *
 * A COPY cannot be abandoned half-read: the connection would stay paused mid-stream. So a failed
 * write or an abort cancels the statement on the server and the rest is drained unread; the
 * transaction then rolls back and the first failure is thrown.
 */
export async function copyOut(client: Pick<Sql, 'begin'>, statement: string, options: CopyReadOptions) {
  await client.begin('read only', async (tx) => {
    // An export is one long COPY statement: the pool's statement timeout (meant for figures) does not
    // apply to it; a client that leaves cancels it instead.
    await tx`select set_config('TimeZone', ${options.timezone}, true), set_config('standard_conforming_strings', 'on', true), set_config('statement_timeout', '0', true)`;
    const query = tx.unsafe(statement);
    const stream: Readable = await query.readable();
    const failed: { error: Error | null } = { error: null };
    const fail = (error: unknown) => {
      if (failed.error !== null) return;
      failed.error = error instanceof Error ? error : new Error(String(error));
      void Promise.resolve(query.cancel()).catch(() => undefined);
    };
    const onAbort = () => fail(options.signal.reason);
    if (options.signal.aborted) onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    let pending: Buffer[] = [];
    let size = 0;
    const flush = async () => {
      const bytes = pending.length === 1 && pending[0] ? pending[0] : Buffer.concat(pending, size);
      pending = [];
      size = 0;
      await options.onChunk(bytes).catch(fail);
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (failed.error !== null) continue;
        pending.push(chunk);
        size += chunk.length;
        if (size >= options.chunkBytes) await flush();
      }
      if (failed.error === null && size > 0) await flush();
    } catch (error) {
      // The server's answer to the cancel, when we asked for it.
      if (failed.error === null) throw error;
    } finally {
      options.signal.removeEventListener('abort', onAbort);
      resumeSocket(stream);
    }
    if (failed.error !== null) throw failed.error;
  });
}

/*
 * postgres.js 3.4.9 pauses the socket when a row does not fit the stream's buffer and resumes it
 * only from the stream's read(). When that row and the end of the COPY arrive in one packet, the
 * stream ends with the socket paused, and the transaction's COMMIT is never answered. Calling
 * read() once more after the end resumes it (a no-op when it is not paused).
 */
function resumeSocket(stream: Readable): void {
  (stream as unknown as { _read(size: number): void })._read(0);
}
