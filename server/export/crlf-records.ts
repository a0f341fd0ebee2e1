import 'server-only';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Turns PostgreSQL's CSV output (records end in LF) into the exports' CRLF, leaving line breaks
 * inside quoted fields alone, and counts the records. Chunks may split records anywhere: the
 * quote state carries over (an escaped `""` toggles twice, so parity is enough).
 */
export class CrlfRecords {
  records = 0;
  private quoted = false;

  convert(chunk: Buffer): Buffer {
    const breaks: number[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.quoted) {
        const close = chunk.indexOf(QUOTE, i);
        if (close === -1) break;
        this.quoted = false;
        i = close + 1;
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      const quote = chunk.indexOf(QUOTE, i);
      if (quote !== -1 && (lf === -1 || quote < lf)) {
        this.quoted = true;
        i = quote + 1;
        continue;
      }
      if (lf === -1) break;
      breaks.push(lf);
      i = lf + 1;
    }
    this.records += breaks.length;
    if (breaks.length === 0) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + breaks.length);
    let from = 0;
    let to = 0;
    for (const lf of breaks) {
      to += chunk.copy(out, to, from, lf);
      out[to++] = CR;
      out[to++] = LF;
      from = lf + 1;
    }
    chunk.copy(out, to, from);
    return out;
  }
}
