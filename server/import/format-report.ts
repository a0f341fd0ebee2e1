import 'server-only';
import type { ImportReport } from '@/lib/schemas/import';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The report as plain lines for the command line: a summary, then one line per listed error. */
export function formatReport(report: ImportReport): string[] {
  if (report.headerError) return [`${report.entity}: ${report.headerError} No row was read; nothing was written.`];
  const lines: string[] = [];
  if (report.csvError) lines.push(`${report.entity}: line ${report.csvError.line}: ${report.csvError.message}`);

  const counts = `${report.rowsRead} rows read, ${report.rowsWritten} written (${report.rowsInserted} new, ${report.rowsUpdated} updated), ${report.rowsRejected} rejected`;
  if (report.committed) {
    lines.push(`${report.entity}: ${counts}.`);
  } else if (report.invalidRows > 0) {
    lines.push(
      `${report.entity}: ${counts}. ${plural(report.invalidRows, 'invalid row')}, so nothing was written (all or nothing; --skip-invalid writes the valid rows).`,
    );
  } else {
    lines.push(`${report.entity}: ${counts}. Nothing was written.`);
  }
  for (const e of report.errors) {
    lines.push(
      e.column
        ? `line ${e.line}, column ${e.column}, value ${JSON.stringify(e.value)}: ${e.reason}`
        : `line ${e.line}: ${e.reason}`,
    );
  }
  if (report.errorsTruncated)
    lines.push(
      `… and ${report.errorCount - report.errors.length} more errors (only the first ${report.errors.length} are listed).`,
    );
  return lines;
}
