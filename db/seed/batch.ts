/**
 * Runs `write` over consecutive slices of `rows`: multi-row inserts are what make the seed fast,
 * and a slice keeps each statement well under PostgreSQL's 65,535 bind parameters.
 */
export async function inChunks<T, R = void>(
  rows: readonly T[],
  size: number,
  write: (chunk: T[]) => Promise<R[] | void>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const out = await write(rows.slice(i, i + size));
    if (out) results.push(...out);
  }
  return results;
}

/** The id a ref was given on insert; a missing one is a bug in the generator. */
export function idOf(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo seed: no id for ${key}`);
  return id;
}

export function idOrNull(ids: ReadonlyMap<string, number>, key: string | null): number | null {
  return key === null ? null : idOf(ids, key);
}

export const toDate = (ms: number): Date => new Date(ms);
export const toDateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
