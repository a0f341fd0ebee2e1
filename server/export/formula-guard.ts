import 'server-only';

/**
 * A text a spreadsheet could take for a formula: it starts with = + - @ tab CR or NUL, possibly
 * after quotes. The quotes are included so that the importer, which strips exactly one leading
 * quote before such a character (server/import/cell-values.ts), gives back every text unchanged.
 */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;

/** A text cell as exported: a leading `'` when it could start a formula (docs/data-contract.md). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
