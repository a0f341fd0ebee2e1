import 'server-only';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { DatabaseConfigError, migrateDatabase, openDatabase, type DbHandle } from '@/db/client';
import { DirectoryInUseError } from '@/db/directory-lock';
import { isDatabaseUnavailable } from '../http/database-unavailable';

/** Exit codes shared by every command: 0 done, 1 usage or rejected input, 2 the database failed. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_DATABASE = 2;

/** Bad arguments or rejected input: the message, then the usage text when there is one. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** The database could not be opened, migrated or queried; the message is already worded for the operator. */
export class CliDatabaseError extends Error {}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** Anything the database or its driver raised: connection, lock, migration, a refused query, PGlite aborting. */
export function isDatabaseError(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  return causes(error).some(
    (e) =>
      e instanceof DatabaseConfigError ||
      e instanceof DirectoryInUseError ||
      e instanceof CliDatabaseError ||
      e instanceof DrizzleQueryError ||
      e instanceof WebAssembly.RuntimeError ||
      (typeof (e as { code?: unknown }).code === 'string' && SQLSTATE.test((e as { code: string }).code)),
  );
}

/** The most telling message of an error chain, on one line: the database's own words, never the failed SQL. */
export function oneLineMessage(error: unknown): string {
  const chain = causes(error);
  const own = chain.findLast((e) => e instanceof Error && !(e instanceof DrizzleQueryError)) ?? chain[0];
  return describe(own).replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** Emscripten's file system throws plain objects (`{ name: 'ErrnoError', errno }`), not Errors. */
function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (value && typeof value === 'object') {
    const { message, name, errno } = value as { message?: unknown; name?: unknown; errno?: unknown };
    if (typeof message === 'string' && message) return message;
    if (typeof name === 'string') return typeof errno === 'number' ? `${name} ${errno}` : name;
  }
  return String(value);
}

/** Opens the configured database and applies migrations, naming which of the two failed. */
export async function openCliDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<DbHandle> {
  let handle: DbHandle;
  try {
    handle = await openDatabase(config);
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof DirectoryInUseError) throw error;
    throw new CliDatabaseError(`cannot open the database: ${oneLineMessage(error)}`, { cause: error });
  }
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw new CliDatabaseError(`migrating the database at ${handle.location} failed: ${oneLineMessage(error)}`, {
      cause: error,
    });
  }
  return handle;
}

/** Prints one line for a failed command and returns its exit code. */
export function reportCliError(command: string, error: unknown): number {
  const say = (message: string) => console.error(`holdfast ${command}: ${message}`);
  if (error instanceof CliUsageError) {
    if (error.message) say(error.message);
    if (error.usage) console.error(error.usage);
    return EXIT_INVALID;
  }
  if (isDatabaseError(error)) {
    const worded =
      error instanceof CliDatabaseError || error instanceof DatabaseConfigError || error instanceof DirectoryInUseError;
    say(worded ? error.message.replace(/\s+/g, ' ') : `database error: ${oneLineMessage(error)}`);
    return EXIT_DATABASE;
  }
  say(oneLineMessage(error));
  return EXIT_INVALID;
}

/**
 * Runs a command's main and sets the exit code. A failure prints one line, `holdfast <command>:
 * <message>` (plus the usage after a usage error), never a stack trace: 2 when the database failed,
 * 1 otherwise.
 */
export async function runCli(command: string, main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = reportCliError(command, error);
  }
}
