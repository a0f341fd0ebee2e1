import 'server-only';
import crypto from 'node:crypto';

/**
 * A new natural key for a row created in the app (imports bring their own), e.g. `DS-M3K2Q9-7F3A`:
 * time-ordered for people reading lists, with a random tail so concurrent writers never collide.
 */
export function newRef(prefix: 'RC' | 'DS' | 'CP' | 'OUT'): string {
  const time = Date.now().toString(36).toUpperCase();
  const tail = crypto.randomBytes(3).toString('hex').toUpperCase();
  return `${prefix}-${time}-${tail}`;
}
