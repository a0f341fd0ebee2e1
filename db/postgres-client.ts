import type { Sql } from 'postgres';
import { isSingleConnection, type Db } from './client';

/**
 * The postgres.js client behind a server database, for what Drizzle does not speak (COPY
 * streams); null on PGlite. Only `begin` is used: a COPY runs on the connection a transaction
 * reserves, so a replica or the primary is whichever `db` the caller passes.
 */
export function postgresClientOf(db: Db): Pick<Sql, 'begin'> | null {
  if (isSingleConnection(db)) return null;
  const client = (db as { $client?: unknown }).$client;
  const begin = (client as { begin?: unknown } | undefined)?.begin;
  return typeof begin === 'function' ? (client as Pick<Sql, 'begin'>) : null;
}
