import { afterEach, describe, expect, it, vi } from 'vitest';

async function optionsWith(publicUrl: string | undefined) {
  vi.resetModules();
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-of-enough-length');
  vi.stubEnv('NEXTAUTH_URL', publicUrl);
  const { authOptions } = await import('./options');
  return authOptions(8);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('authOptions', () => {
  it('uses secure cookies exactly when the public URL is https', async () => {
    expect((await optionsWith('https://holdfast.example')).useSecureCookies).toBe(true);
    expect((await optionsWith('http://localhost:3202')).useSecureCookies).toBe(false);
    expect((await optionsWith(undefined)).useSecureCookies).toBe(false);
  });

  it('keeps the cookie for the absolute session lifetime', async () => {
    expect((await optionsWith('https://holdfast.example')).session?.maxAge).toBe(8 * 3600);
  });

  it('redirects only within the site', async () => {
    const redirect = (await optionsWith('https://holdfast.example')).callbacks?.redirect;
    if (!redirect) throw new Error('no redirect callback');
    const baseUrl = 'https://holdfast.example';
    const to = (url: string) => redirect({ url, baseUrl });
    expect(await to('/login')).toBe('https://holdfast.example/login');
    expect(await to('https://holdfast.example/churn?x=1')).toBe('https://holdfast.example/churn?x=1');
    for (const url of ['https://evil.example/x', '//evil.example', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
      expect(await to(url)).toBe('https://holdfast.example/');
    }
  });

  it('puts only the user id and the session id in the token', async () => {
    const jwt = (await optionsWith('https://holdfast.example')).callbacks?.jwt;
    if (!jwt) throw new Error('no jwt callback');
    const token = await jwt({
      token: { sub: '7', name: 'Ana', email: 'ana@example.test', picture: null },
      user: { id: '7', name: 'Ana', email: 'ana@example.test', sessionId: 'abc' },
      account: null,
    });
    expect(token).toEqual({ sub: '7', sid: 'abc' });
  });
});
