import type { Db } from '../client';

export interface SeedSummary {
  users: number;
  customers: number;
}

/** Placeholder until the generator lands. */
export async function seedDemoIfEmpty(_db: Db): Promise<SeedSummary | null> {
  return null;
}
