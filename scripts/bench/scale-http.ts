/** HTTP helpers of the benchmarks that talk to a running server. */

export async function waitForServer(base: string, seconds = 240): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    try {
      if ((await fetch(`${base}/login`)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server at ${base} did not start`);
}

const firstPart = (cookie: string) => cookie.split(';')[0] ?? '';

/** Signs in through next-auth's credentials callback, as the login form does; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map(firstPart);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookies.join('; '),
      origin: base,
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/`, json: 'true' }),
  });
  const session = response.headers
    .getSetCookie()
    .map(firstPart)
    .find((c) => /(^|\.)next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in of ${email} failed (HTTP ${response.status})`);
  return session;
}
