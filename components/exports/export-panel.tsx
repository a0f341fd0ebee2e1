'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useQueryState } from 'nuqs';
import { useTransition } from 'react';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatCount } from '@/lib/format';
import { EXPORT_DATASET_INFO, EXPORT_DATASETS, exportDatasetParser, type ExportDataset } from '@/lib/schemas/exports';
import { useTRPC } from '@/lib/trpc/react';
import styles from './exports.module.css';

/**
 * Pick a dataset, see how many rows the dashboard's filters select, download them. The links go
 * to the streaming API route, so the browser saves the file as it arrives.
 */
export function ExportPanel({ input, timezone }: { input: DashboardQueryInput; timezone: string }) {
  const trpc = useTRPC();
  const [isPending, startTransition] = useTransition();
  const [dataset, setDataset] = useQueryState(
    'dataset',
    exportDatasetParser.withOptions({ history: 'push', startTransition }),
  );
  const { data } = useSuspenseQuery(trpc.exports.count.queryOptions({ dataset, ...input }));
  const info = EXPORT_DATASET_INFO[dataset];

  return (
    <section className="card" aria-labelledby="export-heading" aria-busy={isPending}>
      <h2 id="export-heading">Download a dataset</h2>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="export-dataset">Dataset</label>
          <select
            id="export-dataset"
            name="dataset"
            value={dataset}
            onChange={(e) => void setDataset(e.target.value as ExportDataset)}
          >
            {EXPORT_DATASETS.map((d) => (
              <option key={d} value={d}>
                {EXPORT_DATASET_INFO[d].label}
              </option>
            ))}
          </select>
        </div>
        <p className={styles.count} data-testid="export-count" data-value={data.count} aria-live="polite">
          <strong>{formatCount(data.count)}</strong> {data.count === 1 ? 'row' : 'rows'}
        </p>
      </div>

      <ul className={styles.rules}>
        <li>
          Period {data.filters.from} – {data.filters.to} ({timezone}): {info.period}.
        </li>
        <li>{data.filters.region === null ? 'All regions.' : `Region ${data.filters.region}: ${info.region}.`}</li>
        <li>
          {info.rep === null
            ? 'The rep filter does not apply to this dataset.'
            : input.rep === null
              ? 'All reps.'
              : `Rep ${input.rep}: ${info.rep}.`}
        </li>
      </ul>

      <div className={styles.actions}>
        <a className="btn" href={data.csvUrl} download>
          Download CSV
        </a>
        {data.xlsxAllowed ? (
          <a className="btn btn-ghost" href={data.xlsxUrl} download>
            Download XLSX
          </a>
        ) : (
          <span className="muted" role="note">
            Too many rows for one XLSX sheet (at most {formatCount(data.xlsxMaxRows)}): download the CSV.
          </span>
        )}
        <span className="muted">
          File: <code>{data.fileName.replace(/\.csv$/, '')}</code>.csv / .xlsx
        </span>
      </div>
      {data.count === 0 ? <p className="muted">No rows match: the file would hold only the header.</p> : null}

      {data.omitted.length > 0 ? (
        <p className={styles.privacy} role="note">
          As an analyst you export without customers’ personal data: the {data.omitted.join(', ')}{' '}
          {data.omitted.length === 1 ? 'column is' : 'columns are'} left out, so this file cannot bring names back in
          when it is re-imported.
        </p>
      ) : null}

      <details className={styles.details}>
        <summary>Columns ({data.columns.length}) and format</summary>
        <p>
          <code>{data.columns.join(', ')}</code>
        </p>
        <p className="muted">
          The columns are those of the import, so a file re-imports unchanged. Instants are ISO 8601 with their offset,
          amounts decimals with two places, booleans true/false, lists separated by “;”. Text that begins with = + - @,
          a tab or a line break gets a leading ’ so that spreadsheets do not run it as a formula; the importer removes
          it again. In XLSX, amounts and counts are number cells and instants stay text.
        </p>
      </details>
    </section>
  );
}
