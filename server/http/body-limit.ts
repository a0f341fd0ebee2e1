import 'server-only';
import { ApiError } from './api-error';

const MIB = 1024 * 1024;

/** "1 MiB", "100 MiB", "512 KiB", "900 bytes": a limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function tooLarge(what: string, max: number): ApiError {
  return new ApiError('too_large', `${what} is larger than the ${formatBytes(max)} this server accepts.`);
}

/** Refuses at once a body whose declared Content-Length is over `max`. */
export function assertDeclaredLength(request: Request, max: number, what: string): void {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > max) throw tooLarge(what, max);
}

/**
 * The body, failing with 413 (an ApiError) as soon as more than `max` bytes arrived: a missing or
 * false Content-Length (chunked uploads) cannot get past the cap, and nothing beyond it is read.
 */
export function limitedBody(body: ReadableStream<Uint8Array>, max: number, what: string): ReadableStream<Uint8Array> {
  let received = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > max) controller.error(tooLarge(what, max));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The whole body, for JSON handlers, within `max` bytes (declared or counted). */
export async function readLimitedBody(request: Request, max: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredLength(request, max, what);
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = limitedBody(request.body, max, what).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
