import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { RequestCancelledError } from './failures';
import { Limiter } from './heavy-limit';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

describe('Limiter', () => {
  it('runs at most `concurrency` at once, queues up to `queue`, refuses the next with overloaded', async () => {
    const limiter = new Limiter(2, 1);
    const g = gate();
    const started: number[] = [];
    const works = [1, 2, 3].map((n) =>
      limiter.run(async () => {
        started.push(n);
        await g.opened;
        return n;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(limiter.load).toEqual({ running: 2, waiting: 1 });
    await expect(limiter.run(() => Promise.resolve(4))).rejects.toSatisfy(
      (e: unknown) => e instanceof ApiError && e.code === 'overloaded' && e.status === 503,
    );
    g.open();
    expect(await Promise.all(works)).toEqual([1, 2, 3]);
    expect(started).toEqual([1, 2, 3]);
    expect(limiter.load).toEqual({ running: 0, waiting: 0 });
  });

  it('takes a waiter whose request was aborted off the queue without running it', async () => {
    const limiter = new Limiter(1, 5);
    const g = gate();
    const first = limiter.run(() => g.opened);
    const client = new AbortController();
    let ran = false;
    const abandoned = limiter.run(() => {
      ran = true;
      return Promise.resolve();
    }, client.signal);
    expect(limiter.load).toEqual({ running: 1, waiting: 1 });
    client.abort();
    await expect(abandoned).rejects.toBeInstanceOf(RequestCancelledError);
    expect(limiter.load).toEqual({ running: 1, waiting: 0 });
    g.open();
    await first;
    expect(ran).toBe(false);
    expect(limiter.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new Limiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next');
  });
});
