'use client';
import { useId, useState, type ReactNode } from 'react';
import { formatValue, type ValueKind } from './value-format';

export interface TableColumn {
  key: string;
  label: string;
  kind?: ValueKind;
}

export interface ChartFrameProps {
  title: string;
  description?: string;
  columns: readonly TableColumn[];
  rows: readonly Record<string, string | number | null>[];
  /** Currency of `cents` columns in the table view (default EUR). */
  currency?: string;
  children: ReactNode;
}

/** A chart with its accessible title and a "view as table" toggle showing the same numbers. */
export function ChartFrame({ title, description, columns, rows, currency, children }: ChartFrameProps) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <figure className="card chart-frame" aria-labelledby={titleId}>
      <div className="chart-head">
        <figcaption id={titleId}>
          <strong>{title}</strong>
          {description ? <span className="muted"> — {description}</span> : null}
        </figcaption>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? 'View as chart' : 'View as table'}
        </button>
      </div>
      {asTable ? (
        <div className="table-scroll">
          <table className="data" aria-label={title}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((c) => {
                    const value = row[c.key];
                    return <td key={c.key}>{typeof value === 'number' || value === null ? formatValue(value, c.kind ?? 'count', currency) : value}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : rows.length === 0 ? (
        <p className="muted">No data for these filters.</p>
      ) : (
        <div role="img" aria-label={title} className="chart-body">
          {children}
        </div>
      )}
    </figure>
  );
}
