import 'server-only';
import { csvHeader, csvLines, type CsvCell, type LineEnding } from './csv-text';

export interface CsvStreamSource<Row> {
  columns: readonly (keyof Row & string)[];
  /** Pages of rows; the next page is asked for only when the reader has taken the last one. */
  batches: AsyncGenerator<Row[]>;
}

/**
 * A CSV response body from pages of rows: the header, then one chunk per page, formula-guarded
 * like every CSV the app writes (string cells are text; numbers are left alone). A failing page
 * errors the stream, so the download ends broken rather than looking complete.
 */
export function csvStream<Row extends { [K in keyof Row]?: CsvCell }>(
  source: CsvStreamSource<Row>,
  lineEnding: LineEnding,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { columns, batches } = source;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader(columns, lineEnding)));
        return;
      }
      const next = await batches.next().catch((error: unknown) => {
        console.error(error);
        throw error;
      });
      if (next.done) {
        controller.close();
        return;
      }
      const rows = next.value.map((row) =>
        columns.map((column): CsvCell => {
          const value: CsvCell | undefined = row[column];
          return value ?? null;
        }),
      );
      controller.enqueue(encoder.encode(csvLines(rows, 'all', lineEnding)));
    },
    async cancel() {
      // The client went away: end the generator so it stops querying.
      await batches.return(undefined);
    },
  });
}
