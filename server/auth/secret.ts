import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';

let cached: string | undefined;

/**
 * NEXTAUTH_SECRET from the environment, or else one generated once and kept next to the
 * embedded database, so no secret ever lives in the repository.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = path.join(path.dirname(path.resolve(env.HOLDFAST_DATA_DIR)), 'nextauth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, generated, { flag: 'wx', mode: 0o600 });
      cached = generated;
    } catch {
      // Another worker wrote it first.
      cached = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return cached;
}
