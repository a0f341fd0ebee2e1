import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env';

/**
 * While setup is pending the setup link is also kept in `setup-link` next to the embedded database
 * (beside `nextauth-secret`), readable by the server's user only, for an operator who cannot see
 * the start-up output and for the end-to-end test. It is removed once setup is done.
 */
export function setupLinkFile(): string {
  return path.join(path.dirname(path.resolve(env.HOLDFAST_DATA_DIR)), 'setup-link');
}

export function writeSetupLinkFile(link: string): void {
  const file = setupLinkFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, `${link}\n`, { flag: 'wx', mode: 0o600 });
}

export function removeSetupLinkFile(): void {
  fs.rmSync(setupLinkFile(), { force: true });
}
