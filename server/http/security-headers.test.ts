import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d]));

describe('security headers', () => {
  it('makes a new unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('allows scripts only by nonce and what they load, and nothing framed, based or plugged in', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc', development: false, https: false }));
    expect(policy.get('script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy.get('style-src')).toBe("style-src 'self' 'nonce-abc'");
    expect(policy.get('object-src')).toBe("object-src 'none'");
    expect(policy.get('base-uri')).toBe("base-uri 'none'");
    expect(policy.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(policy.get('form-action')).toBe("form-action 'self'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect([...policy.values()].join(';')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('adds eval only in development, and HSTS with upgrades only over https', () => {
    expect(contentSecurityPolicy({ nonce: 'n', development: true, https: false })).toContain("'unsafe-eval'");
    expect(securityHeaders({ nonce: 'n', development: false, https: false })).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    const https = securityHeaders({ nonce: 'n', development: false, https: true });
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });
});
