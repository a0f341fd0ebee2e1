'use client';
import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;

// One clock for the page: every subscriber re-renders on the same 30 s tick.
let current = 0;
let timer: number | undefined;
const listeners = new Set<() => void>();

function tick() {
  current = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    current = Date.now();
    timer = window.setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      current = 0;
    }
  };
}

function getSnapshot() {
  // Read once and keep until the next tick, so React sees one value per tick.
  if (current === 0) current = Date.now();
  return current;
}

/**
 * The current instant in ms, refreshed every 30 s. The server render and hydration use
 * `serverNow` (the instant the server computed the list at), so both render the same text.
 */
export function useNow(serverNow: number): number {
  return useSyncExternalStore(subscribe, getSnapshot, () => serverNow);
}
