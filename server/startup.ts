import 'server-only';

/** Called from instrumentation when the Node server starts. */
export async function startServer(): Promise<void> {
  try {
    // Imported here so an invalid environment is reported like any other start-up failure.
    const { prepareDatabase } = await import('./prepare-database');
    await prepareDatabase();
    const { startJobs } = await import('./jobs/start');
    await startJobs();
  } catch (error) {
    // A bad environment or database stops start-up with one line, not a stack trace.
    console.error(`Holdfast cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
