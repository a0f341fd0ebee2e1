import 'server-only';
import { sql } from 'drizzle-orm';

/** Serialises settings changes, so that each audit row's `from` is the value its change replaced. */
export const SETTINGS_LOCK = sql`select pg_advisory_xact_lock(hashtext('holdfast.settings'))`;
