/*
 * postgres.js 3.4.9 flushes small writes from a setImmediate callback; when a connection's socket
 * has closed by then (a transaction's ROLLBACK after the server died, upstream #1154/#1208), that
 * callback throws "Cannot read properties of null (reading 'write')" outside any promise. Letting
 * it crash the process would turn a database restart into an app restart. Ignoring it is safe: the
 * connection is already closed, the statement it was flushing had already failed with a connection
 * error to its caller (so the transaction is rolled back server-side, it never committed), and
 * postgres-options.ts makes the next start-up message of that connection discard what it buffered.
 */
const DRIVER_FAULT = "Cannot read properties of null (reading 'write')";

const globalForHandler = globalThis as typeof globalThis & { holdfastDriverFaultHandler?: boolean };

export function isDriverWriteFault(error: unknown): boolean {
  return (
    error instanceof TypeError && error.message === DRIVER_FAULT && (error.stack ?? '').includes('processImmediate')
  );
}

/** Turns the driver's stray TypeError into one logged line; any other uncaught error keeps its usual fate. */
export function installDriverFaultHandler(): void {
  if (globalForHandler.holdfastDriverFaultHandler) return;
  globalForHandler.holdfastDriverFaultHandler = true;
  process.on('uncaughtException', (error) => {
    if (isDriverWriteFault(error)) {
      console.warn(
        'Database connection lost while writing to it (postgres.js write after close); the pool reconnects.',
      );
      return;
    }
    // Adding a listener disables Node's default; restore it unless someone else (Next) handles errors.
    if (process.listenerCount('uncaughtException') === 1) {
      console.error(error);
      process.exit(1);
    }
  });
}
