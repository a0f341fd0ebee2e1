import 'server-only';

/** Writes an export's rows in one file format into a StreamSink. */
export interface ExportWriter {
  contentType: string;
  /** The header row. */
  start(): Promise<void>;
  /** One batch; resolves when the reader has taken enough for the next one. */
  rows(rows: readonly (string | null)[][]): Promise<void>;
  /** Completes the file. */
  finish(): Promise<void>;
  /** Drops a file that will not be finished. */
  discard(): void;
}
