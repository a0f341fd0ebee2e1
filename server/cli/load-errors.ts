import 'server-only';
import path from 'node:path';
import { reportCliError } from './run-cli';

// A command imports this module first: an error thrown while its other modules load (an invalid
// environment, say) happens before runCli is called, and is printed here as one line too.
process.on('uncaughtException', (error) => {
  const command = path.basename(process.argv[1] ?? 'cli').replace(/\.[cm]?[jt]s$/, '');
  process.exit(reportCliError(command, error));
});
