import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { assertDeclaredLength, formatBytes, limitedBody, readLimitedBody } from './body-limit';

/** A request whose body arrives in `chunks` pieces of `size` bytes, with whatever Content-Length is given. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(97));
      else controller.close();
    },
  });
  return new Request('http://localhost/api/trpc/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('body limits', () => {
  it('states limits as people read them', () => {
    expect(formatBytes(1_048_576)).toBe('1 MiB');
    expect(formatBytes(104_857_600)).toBe('100 MiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });

  it('refuses a declared Content-Length over the limit with 413 before reading', () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      body: 'x',
      headers: { 'Content-Length': '2000' },
    });
    expect(() => assertDeclaredLength(request, 1000, 'The request')).toThrow(
      expect.objectContaining({
        code: 'too_large',
        status: 413,
        message: 'The request is larger than the 1000 bytes this server accepts.',
      }),
    );
    expect(() => assertDeclaredLength(request, 2000, 'The request')).not.toThrow();
  });

  it('counts the bytes of a body without Content-Length and stops at the limit', async () => {
    const error = await failure(readLimitedBody(streamed(10, 300), 1000, 'The request'));
    expect(error).toMatchObject({ code: 'too_large', status: 413 });
    expect(await readLimitedBody(streamed(3, 300), 1000, 'The request')).toHaveLength(900);
  });

  it('does not believe a Content-Length smaller than the body', async () => {
    const request = streamed(10, 300, { 'Content-Length': '10' });
    expect(await failure(readLimitedBody(request, 1000, 'The request'))).toMatchObject({ code: 'too_large' });
  });

  it('reads no further than the chunk that crossed the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(100));
      },
    });
    const reader = limitedBody(endless, 1000, 'The CSV file').getReader();
    const error = await failure(
      (async () => {
        for (;;) await reader.read();
      })(),
    );
    expect(error.message).toBe('The CSV file is larger than the 1000 bytes this server accepts.');
    expect(pulled).toBeLessThan(20);
  });
});
