import 'server-only';
import { users } from '@/db/schema';
import { ROLES, TEAMS } from '@/lib/vocabularies';
import type { EntityImporter } from '../entity';

interface UserDraft {
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  regionCode: string | null;
  team: (typeof TEAMS)[number] | null;
}

/** Imported users get no password: an admin sets one before they can sign in. */
export const usersImporter: EntityImporter<UserDraft> = {
  columns: [
    { name: 'email', required: true },
    { name: 'name', required: true },
    { name: 'role', required: true },
    { name: 'region_code', required: false },
    { name: 'team', required: false },
  ],
  parse(r) {
    const email = r.email('email', { required: true });
    const name = r.text('name', { required: true });
    const role = r.vocabulary('role', ROLES, { required: true });
    const regionCode = r.ref('region_code', 'region');
    const team = r.vocabulary('team', TEAMS);
    if (email === null || name === null || role === null) return null;
    return { email, name, role, regionCode, team };
  },
  key: (d) => d.email,
  async write(out, drafts, _lookup, present) {
    const spec = {
      table: users,
      target: 'email',
      fromCsv: { name: 'name', role: 'role', region_code: 'regionCode', team: 'team' },
    } as const;
    await out.upsert(spec, drafts, present);
  },
};
