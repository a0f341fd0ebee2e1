import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { safeCallbackPath } from '@/lib/safe-callback';
import { SIGN_IN_ERRORS } from '@/lib/sign-in-errors';
import { getDb } from '../db';
import { env } from '../env';
import { isDatabaseUnavailable } from '../http/database-unavailable';
import { defaultSettings, getSettings } from '../services/settings';
import { clientIp } from './client-ip';
import { authSecret } from './secret';
import { signInWithPassword } from './sign-in';
import { endBrowserSession } from './user-sessions';

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    /** The server-side session (user_sessions) this cookie belongs to. */
    sid?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) });

/**
 * next-auth's options. The cookie lives as long as the absolute session lifetime; the server-side
 * session row (server/auth/user-sessions.ts) decides whether it is still honoured.
 */
export function authOptions(sessionAbsoluteHours = defaultSettings().sessionAbsoluteHours): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: sessionAbsoluteHours * 60 * 60 },
    // Stated rather than inferred: __Secure- cookies exactly when the public URL is https.
    useSecureCookies: env.NEXTAUTH_URL?.startsWith('https://') ?? false,
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        // A thrown Error's message reaches signIn()'s `error`: the login form shows the matching text.
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = req.headers ?? {};
          const userAgent: unknown = headers['user-agent'];
          let result;
          try {
            result = await signInWithPassword(await getDb(), {
              ...parsed.data,
              ip: clientIp(headers),
              userAgent: typeof userAgent === 'string' ? userAgent : null,
            });
          } catch (error) {
            if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_ERRORS.serviceUnavailable);
            console.error('Sign-in failed:', error);
            throw new Error(SIGN_IN_ERRORS.failed);
          }
          if (result.ok) return { id: String(result.user.id), email: result.user.email, name: result.user.name, sessionId: result.sessionId };
          if (result.error === SIGN_IN_ERRORS.wrongCredentials) return null;
          throw new Error(result.error);
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id and the session id; role and region are re-read per
      // request, and the session row can be ended on the server.
      jwt({ token, user }) {
        if (user) return { sub: user.id, sid: user.sessionId };
        return token;
      },
      // What /api/auth/session shows to scripts in the page: nothing that identifies the session.
      session({ session }) {
        return { expires: session.expires };
      },
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        if (token.sid) await endBrowserSession(await getDb(), token.sid);
      },
    },
  };
}

/** The options with the lifetime from the settings; the defaults when the database is unreachable, so sign-in can say so. */
export async function loadAuthOptions(): Promise<NextAuthOptions> {
  try {
    return authOptions((await getSettings(await getDb())).sessionAbsoluteHours);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return authOptions();
  }
}
