'use client';
import { useSyncExternalStore } from 'react';

// One clock for the page, ticking every second while something shows it.
let current = 0;
let timer: number | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    current = Date.now();
    timer = window.setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.clearInterval(timer);
  };
}

function getSnapshot() {
  if (current === 0) current = Date.now();
  return current;
}

/**
 * The current instant in ms, refreshed every second. The server render and hydration use
 * `serverNow` (when the server read the outage), so both show the same elapsed time.
 */
export function useNow(serverNow: string): number {
  return useSyncExternalStore(subscribe, getSnapshot, () => Date.parse(serverNow));
}
