import 'server-only';

/** The download stopped before its end: the client went away, or stopped reading for too long. */
export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
}

export interface SinkOptions {
  /** The request's signal: a cut connection aborts the export. */
  signal?: AbortSignal | undefined;
  /** A client that reads nothing for this long is dropped, so it cannot hold a cursor (and PGlite) forever. */
  idleTimeoutMs?: number | undefined;
  /** Bytes queued ahead of the reader before the producer waits. */
  highWaterMark?: number | undefined;
}

const DEFAULT_IDLE_TIMEOUT_MS = 120_000;
const DEFAULT_HIGH_WATER_MARK = 256 * 1024;

/**
 * The response body of an export: a byte stream the producer writes into, with backpressure (a
 * write resolves only when the reader wants more) and an abort signal that fires when the client
 * cancels or the request is aborted. A failed export ends the stream with an error, never a clean
 * end, so a cut download cannot pass for a complete file.
 */
export class StreamSink {
  readonly stream: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private readonly aborter = new AbortController();
  private wake: (() => void) | null = null;
  private done = false;
  private readonly idleTimeoutMs: number;

  constructor(options: SinkOptions = {}) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => this.wakeUp(),
        cancel: () => {
          this.done = true;
          this.abort('The client cancelled the download.');
        },
      },
      { highWaterMark: options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
    const external = options.signal;
    if (external?.aborted) this.abort('The request was aborted.');
    external?.addEventListener('abort', () => this.abort('The request was aborted: the client went away.'), {
      once: true,
    });
  }

  /** Aborted when the client cancels, the request is aborted or the reader stalls. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** Queues bytes for the reader, then waits until it wants more. */
  async write(chunk: Uint8Array): Promise<void> {
    this.signal.throwIfAborted();
    if (chunk.byteLength > 0) this.requireController().enqueue(chunk);
    await this.demand();
  }

  /** Resolves when the reader's queue has room; rejects when the export is aborted. */
  async demand(): Promise<void> {
    const controller = this.requireController();
    while ((controller.desiredSize ?? 0) <= 0) {
      this.signal.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.abort(`The client read nothing for ${Math.round(this.idleTimeoutMs / 1000)} s.`);
        }, this.idleTimeoutMs);
        const onAbort = () => {
          clearTimeout(timer);
          this.wake = null;
          reject(this.signal.reason as Error);
        };
        this.signal.addEventListener('abort', onAbort, { once: true });
        this.wake = () => {
          clearTimeout(timer);
          this.signal.removeEventListener('abort', onAbort);
          resolve();
        };
      });
    }
    this.signal.throwIfAborted();
  }

  /** The complete file was written. */
  close(): void {
    if (this.done) return;
    this.done = true;
    this.requireController().close();
  }

  /** The export failed or was cut: the reader sees an error, not an end. */
  error(reason: unknown): void {
    if (this.done) return;
    this.done = true;
    this.requireController().error(reason);
  }

  private abort(message: string): void {
    if (!this.aborter.signal.aborted) this.aborter.abort(new ExportCancelledError(message));
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private requireController(): ReadableStreamDefaultController<Uint8Array> {
    if (!this.controller) throw new Error('The export stream has not started.');
    return this.controller;
  }
}
