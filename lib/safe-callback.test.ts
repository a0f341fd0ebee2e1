import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

const SITE = 'https://holdfast.example';

/** Where a browser on the site would actually land when navigating to `path`. */
function landing(path: string): string {
  return new URL(path, SITE).origin;
}

describe('safeCallbackPath', () => {
  it('keeps same-site paths with their query and fragment', () => {
    expect(safeCallbackPath('/disputes')).toBe('/disputes');
    expect(safeCallbackPath('/churn?region=MAD&period=30d#chart')).toBe('/churn?region=MAD&period=30d#chart');
    expect(safeCallbackPath('/a/../queue')).toBe('/queue');
  });

  it('keeps an absolute URL only when it is on the site itself', () => {
    expect(safeCallbackPath(`${SITE}/outages?x=1`, SITE)).toBe('/outages?x=1');
    expect(safeCallbackPath(`${SITE}/outages`)).toBe('/');
    expect(safeCallbackPath('https://holdfast.example.evil.example/x', SITE)).toBe('/');
    expect(safeCallbackPath('http://holdfast.example/x', SITE)).toBe('/');
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/x'],
    ['absolute https', 'https://evil.example'],
    ['absolute http', 'http://evil.example/login'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['backslash after the slash', '/\\evil.example/x'],
    ['backslash first', '\\\\evil.example'],
    ['slash then backslash pair', '/\\/evil.example'],
    ['tab between slashes', '/\t/evil.example'],
    ['newline between slashes', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['NUL byte', '/\u0000/evil.example'],
    ['dot segment collapsing to //', '/.//evil.example'],
    ['relative path', 'evil.example'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, value) => {
    expect(safeCallbackPath(value, SITE)).toBe('/');
  });

  it('refuses null and undefined', () => {
    expect(safeCallbackPath(null)).toBe('/');
    expect(safeCallbackPath(undefined, SITE)).toBe('/');
  });

  it('leaves encoded slashes and backslashes encoded, so they stay inside the path', () => {
    for (const value of ['/%5Cevil.example/x', '/%2F%2Fevil.example', '/%09/evil.example', '/%2f/evil.example']) {
      const path = safeCallbackPath(value, SITE);
      expect(path.startsWith('/')).toBe(true);
      expect(landing(path)).toBe(SITE);
    }
  });

  it('never returns anything that leaves the site, whatever the input', () => {
    const tricky = ['/', '\\', '\t', '\n', '%2F', '%5C', '.', '..', ':', '@', 'evil.example', 'https:', '//', '?', '#'];
    for (const a of tricky) {
      for (const b of tricky) {
        for (const c of tricky) {
          const path = safeCallbackPath(`${a}${b}${c}evil.example`, SITE);
          expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
          expect(landing(path)).toBe(SITE);
        }
      }
    }
  });
});
