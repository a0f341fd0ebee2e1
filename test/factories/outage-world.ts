import 'server-only';
import type { Db } from '@/db/client';
import { customers, postcodes, regions, users } from '@/db/schema';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';

/**
 * A small world for the outage tests: Madrid and Valencia with a few postcodes, one person per
 * role (a national and a Madrid manager), and a customer builder with readable account numbers.
 */
export async function outageWorld(db: Db) {
  await db.insert(regions).values([
    { code: 'MAD', name: 'Madrid' },
    { code: 'VAL', name: 'Valencia' },
  ]);
  await db.insert(postcodes).values([
    { postcode: '28001', regionCode: 'MAD' },
    { postcode: '28002', regionCode: 'MAD' },
    { postcode: '28003', regionCode: 'MAD' },
    { postcode: '46001', regionCode: 'VAL' },
    { postcode: '46002', regionCode: 'VAL' },
  ]);
  const person = async (email: string, role: Role, regionCode: string | null): Promise<SessionUser> => {
    const [row] = await db
      .insert(users)
      .values({ email, name: email.split('@')[0] ?? email, role, regionCode })
      .returning();
    if (!row) throw new Error('user insert returned no row');
    return { id: row.id, email: row.email, name: row.name, role, regionCode };
  };
  const people = {
    manager: await person('boss@o.test', 'manager', null),
    madManager: await person('boss.mad@o.test', 'manager', 'MAD'),
    valManager: await person('boss.val@o.test', 'manager', 'VAL'),
    admin: await person('root@o.test', 'admin', null),
    analyst: await person('numbers@o.test', 'analyst', null),
    rep: await person('rep@o.test', 'rep', 'MAD'),
  };
  let serial = 0;
  async function customer(c: {
    region: string;
    postcode?: string | null;
    activated?: string;
    churned?: string;
    fee?: number;
    account?: string;
    /** E.164, e.g. +34600000001; none by default. */
    phone?: string | null;
  }): Promise<{ id: number; account: string }> {
    serial++;
    const account = c.account ?? `ACC-${String(serial).padStart(5, '0')}`;
    const [row] = await db
      .insert(customers)
      .values({
        accountNumber: account,
        regionCode: c.region,
        postcode: c.postcode === undefined ? (c.region === 'MAD' ? '28001' : '46001') : c.postcode,
        activatedAt: new Date(c.activated ?? '2025-01-01T00:00:00Z'),
        monthlyFeeCents: c.fee ?? 3000,
        phone: c.phone ?? null,
        churnedAt: c.churned ? new Date(c.churned) : null,
        churnCategory: c.churned ? 'outage' : null,
      })
      .returning({ id: customers.id });
    if (!row) throw new Error('customer insert returned no row');
    return { id: row.id, account };
  }
  return { people, customer };
}
