import 'server-only';
import { env } from '../env';
import { ApiError } from './api-error';
import { RequestCancelledError } from './failures';

export const OVERLOADED_MESSAGE =
  'The server is busy computing figures for other requests. Try again in a few seconds.';

/**
 * A counting semaphore with a bounded queue: at most `concurrency` works run at once, at most
 * `queue` wait; one more is refused at once with ApiError 'overloaded' (503 with Retry-After). A
 * waiter whose request is aborted leaves the queue without running.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new RequestCancelledError();
    if (this.running < this.concurrency) this.running++;
    else await this.wait(signal);
    try {
      return await work();
    } finally {
      // A slot is handed straight to the next waiter, so `running` counts it throughout.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private wait(signal: AbortSignal | undefined): Promise<void> {
    if (this.waiting.length >= this.queue) throw new ApiError('overloaded', OVERLOADED_MESSAGE);
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const at = this.waiting.indexOf(start);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(new RequestCancelledError());
      };
      this.waiting.push(start);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }
}

const globalForLimiter = globalThis as typeof globalThis & { holdfastHeavyLimiter?: Limiter };

/**
 * The process's limiter for figure requests: /api/v1/kpis, the dashboard procedures and export
 * starts (HOLDFAST_HEAVY_CONCURRENCY, HOLDFAST_HEAVY_QUEUE). On globalThis: Next bundles routes apart.
 */
export function heavyLimiter(): Limiter {
  globalForLimiter.holdfastHeavyLimiter ??= new Limiter(env.HOLDFAST_HEAVY_CONCURRENCY, env.HOLDFAST_HEAVY_QUEUE);
  return globalForLimiter.holdfastHeavyLimiter;
}

/** Runs one figure request within the process's limit. */
export function withHeavySlot<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  return heavyLimiter().run(work, signal);
}
