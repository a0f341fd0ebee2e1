import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, unguardFormula } from '../import/cell-values';
import { csvRecords } from '../import/csv-records';
import { CSV_BOM, csvHeader, csvLines } from './csv-text';
import { guardFormula } from './formula-guard';

/** Strings rich in what matters here: formula starters, quotes, separators, line breaks, any code point. */
const cell = fc.string({
  unit: fc.oneof(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', "'", '"', ',', ';', ' ', '\uFEFF'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 24,
});

/** A file of header + rows as the exporter writes it, read back by the importer's CSV reader. */
async function roundTrip(rows: string[][]): Promise<string[][]> {
  const width = rows[0]?.length ?? 0;
  const header = Array.from({ length: width }, (_, i) => `c${i}`);
  const text =
    CSV_BOM +
    csvHeader(header) +
    csvLines(
      rows,
      header.map(() => true),
    );
  const read: string[][] = [];
  for await (const record of csvRecords([Buffer.from(text, 'utf8')])) read.push(record.cells);
  expect(read[0]).toEqual(header);
  return read.slice(1).map((cells) => cells.map(unguardFormula));
}

const seed = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
console.log(`fast-check seed: ${seed} (rerun with FC_SEED=${seed})`);

describe('formula guard', () => {
  it('prefixes text that a spreadsheet could run as a formula, and nothing else', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r', '\0']) expect(guardFormula(`${c}x`)).toBe(`'${c}x`);
    expect(guardFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(guardFormula("'=x")).toBe("''=x");
    expect(guardFormula("'hello")).toBe("'hello");
    expect(guardFormula('a=b')).toBe('a=b');
    expect(guardFormula('')).toBe('');
    expect(guardFormula(' =x')).toBe(' =x');
  });

  it('round-trips any text byte for byte: guard → CSV → csv-parse → the importer’s unguard', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          const back = await roundTrip(rows);
          expect(back.map((cells) => cells.map((c) => Buffer.from(c, 'utf8').toString('hex')))).toEqual(
            rows.map((cells) => cells.map((c) => Buffer.from(c, 'utf8').toString('hex'))),
          );
        },
      ),
      { numRuns: 1500, seed },
    );
    // 1,500 streamed parses: seconds on a busy machine.
  }, 30_000);

  it('gives the importer back every trimmed text cell exactly (cleanText, which also trims)', () => {
    fc.assert(
      fc.property(
        cell.filter((s) => s !== '' && s === s.trim() && !s.includes('\0')),
        (text) => {
          expect(cleanText(guardFormula(text))).toBe(text);
        },
      ),
      { numRuns: 1500, seed },
    );
  });
});
