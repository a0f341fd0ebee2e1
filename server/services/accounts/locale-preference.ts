import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { isLocale, type Locale } from '@/lib/locales';

/** The language a user chose for the interface and their emails; null = automatic. */
export async function getLocalePreference(db: Db, userId: number): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return isLocale(row?.locale) ? row.locale : null;
}

/** The user's own choice (the id comes from the session); null goes back to automatic. */
export async function setLocalePreference(db: Db, userId: number, locale: Locale | null): Promise<{ locale: Locale | null }> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
  return { locale };
}
