import 'server-only';

export interface ColumnSpec {
  name: string;
  required: boolean;
}

export type HeaderCheck = { ok: true; columns: Map<string, number>; names: string[] } | { ok: false; message: string };

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Header names are trimmed; unknown, missing required or repeated columns refuse the file. */
export function checkHeader(
  entity: string,
  cells: readonly string[] | undefined,
  spec: readonly ColumnSpec[],
): HeaderCheck {
  if (cells === undefined) {
    return { ok: false, message: `The file is empty: a header row naming the ${entity} columns is required.` };
  }
  const names = cells.map((c) => c.trim());
  const known = new Set(spec.map((c) => c.name));
  const problems: string[] = [];

  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    problems.push(
      `unknown column${unknown.length > 1 ? 's' : ''} ${list(unknown)} (the ${entity} columns are ${list(spec.map((c) => c.name))})`,
    );
  }
  const missing = spec.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${list(missing)}`);
  const repeated = [...new Set(names.filter((n, i) => known.has(n) && names.indexOf(n) !== i))];
  if (repeated.length > 0) problems.push(`repeated column${repeated.length > 1 ? 's' : ''} ${list(repeated)}`);

  if (problems.length > 0) return { ok: false, message: `Header refused: ${problems.join('; ')}.` };
  return { ok: true, columns: new Map(names.map((n, i) => [n, i])), names };
}
