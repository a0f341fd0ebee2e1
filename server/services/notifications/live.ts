import 'server-only';
import { EventEmitter } from 'node:events';

/**
 * "User N's notifications changed", within this process. Kept on globalThis: Next bundles the
 * job worker (started from instrumentation) and the route handlers separately, and both must
 * see one emitter. Another process's changes reach a listener through its periodic re-read.
 */
const globalForLive = globalThis as typeof globalThis & { holdfastNotificationEvents?: EventEmitter };

function emitter(): EventEmitter {
  if (!globalForLive.holdfastNotificationEvents) {
    const created = new EventEmitter();
    // One listener per open bell; many tabs are normal.
    created.setMaxListeners(0);
    globalForLive.holdfastNotificationEvents = created;
  }
  return globalForLive.holdfastNotificationEvents;
}

export function publishNotificationChange(userIds: Iterable<number>): void {
  for (const id of userIds) emitter().emit(`user:${id}`);
}

/** Calls `listener` on each change for the user; returns the unsubscribe. */
export function onNotificationChange(userId: number, listener: () => void): () => void {
  const event = `user:${userId}`;
  emitter().on(event, listener);
  return () => emitter().off(event, listener);
}
