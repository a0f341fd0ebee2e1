import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { assertSameOrigin } from './same-origin';

/** A POST carrying the browser's cookies, plus `headers`. */
const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/v1/import/regions', {
    method: 'POST',
    headers: { Cookie: 'next-auth.session-token=abc', ...headers },
  });

function refusal(headers: Record<string, string>): ApiError | null {
  try {
    assertSameOrigin(post(headers));
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('assertSameOrigin', () => {
  it('lets through what the browser marks as the site itself or typed by the user', () => {
    expect(refusal({ 'Sec-Fetch-Site': 'same-origin' })).toBeNull();
    expect(refusal({ 'Sec-Fetch-Site': 'none' })).toBeNull();
  });

  it('refuses cross-site and same-site (a sibling subdomain) requests on the cookie with 403', () => {
    for (const site of ['cross-site', 'same-site']) {
      const error = refusal({ 'Sec-Fetch-Site': site, Origin: 'http://localhost:3000' });
      expect(error?.code).toBe('forbidden');
      expect(error?.status).toBe(403);
      expect(error?.message).toMatch(/Cross-site request refused/);
    }
  });

  it('without Sec-Fetch-Site, requires an Origin equal to the site’s own', () => {
    expect(refusal({ Origin: 'http://localhost:3000' })).toBeNull();
    expect(refusal({ Origin: 'https://evil.example' })?.code).toBe('forbidden');
    expect(refusal({ Origin: 'http://localhost:3001' })?.code).toBe('forbidden');
    expect(refusal({ Origin: 'null' })?.code).toBe('forbidden');
    expect(refusal({})?.code).toBe('forbidden');
  });

  it('does not apply to a request carrying an Authorization header, which never uses the cookie', () => {
    expect(refusal({ Authorization: 'Bearer abc', 'Sec-Fetch-Site': 'cross-site' })).toBeNull();
    expect(refusal({ Authorization: 'Bearer abc', Origin: 'https://evil.example' })).toBeNull();
  });

  it('leaves a request without cookies to authentication (401), as nothing signs it in', () => {
    const bare = new Request('http://localhost:3000/x', {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(() => assertSameOrigin(bare)).not.toThrow();
  });
});
