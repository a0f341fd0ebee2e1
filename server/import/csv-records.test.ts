import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv-records';
import { checkHeader } from './header';

async function records(...chunks: Array<string | Buffer>) {
  const out: Array<[number, string[]]> = [];
  for await (const r of csvRecords(Readable.from(chunks))) out.push([r.line, r.cells]);
  return out;
}

describe('csvRecords', () => {
  it('gives each record the physical line it starts on, with LF or CRLF and quoted newlines', async () => {
    const lf = await records('a,b\n1,"x\ny"\n\n2,3\n4,5');
    expect(lf).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [5, ['2', '3']],
      [6, ['4', '5']],
    ]);
    const crlf = await records('a,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2,3\r\n');
    expect(crlf).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny\r\nz']],
      [6, ['2', '3']],
    ]);
  });

  it('drops a UTF-8 BOM, also when split across chunks', async () => {
    const bytes = Buffer.from('\uFEFFcode,name\nMAD,Madrid\n', 'utf8');
    expect(await records(bytes.subarray(0, 2), bytes.subarray(2))).toEqual([
      [1, ['code', 'name']],
      [2, ['MAD', 'Madrid']],
    ]);
  });

  it('returns rows with a wrong number of fields for the importer to report', async () => {
    expect(await records('a,b\n1,2,3\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2', '3']],
    ]);
  });

  it('names the cells that are not valid UTF-8, and only those', async () => {
    const euro = Buffer.from('€', 'utf8');
    const out: Array<[number, number[]]> = [];
    const chunks = [
      Buffer.from('a,b\nx,'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
      euro.subarray(0, 2),
      euro.subarray(2),
      Buffer.from(',\uFFFD\n'),
    ];
    for await (const r of csvRecords(Readable.from(chunks))) out.push([r.line, r.invalidUtf8]);
    expect(out).toEqual([
      [1, []],
      [2, [1]],
      [3, []],
    ]);
  });

  it('throws on malformed quoting', async () => {
    await expect(records('a,b\n1,"x\n')).rejects.toThrow(/Quote Not Closed/);
  });
});

describe('checkHeader', () => {
  const spec = [
    { name: 'code', required: true },
    { name: 'name', required: true },
    { name: 'note', required: false },
  ];

  it('maps trimmed names to positions', () => {
    const check = checkHeader('regions', [' name', 'code '], spec);
    expect(check.ok && [...check.columns]).toEqual([
      ['name', 0],
      ['code', 1],
    ]);
  });

  it('names unknown, missing and repeated columns together', () => {
    expect(checkHeader('regions', ['code', 'nmae', 'code'], spec)).toEqual({
      ok: false,
      message:
        'Header refused: unknown column "nmae" (the regions columns are "code", "name", "note"); missing required column "name"; repeated column "code".',
    });
  });
});
