import type { Role } from '@/lib/vocabularies';

/** Who is asking: what the session (or an API token) carries, re-read from the database per request. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Home region; null for national managers and staff without a region. */
  regionCode: string | null;
}
