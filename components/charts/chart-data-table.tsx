import type { ValueKind } from './value-format';

export interface TableColumn {
  key: string;
  label: string;
  kind?: ValueKind;
}

export interface ChartDataTableProps {
  id?: string;
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly Record<string, string | number | null>[];
  /** How a number (or a missing one) of a column reads, e.g. with the currency and language of the page. */
  formatCell: (value: number | null, kind: ValueKind) => string;
}

/**
 * A chart's numbers as a table, for keyboards and screen readers: the first column names each row
 * (the month, the region…), every header is scoped, the caption repeats the chart's title.
 */
export function ChartDataTable({ id, caption, columns, rows, formatCell }: ChartDataTableProps) {
  const [first, ...rest] = columns;
  const cell = (row: Record<string, string | number | null>, column: TableColumn) => {
    const value = row[column.key];
    return typeof value === 'number' || value === null || value === undefined
      ? formatCell(value ?? null, column.kind ?? 'count')
      : value;
  };
  return (
    <div className="table-scroll" id={id}>
      <table className="data chart-data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {first ? <th scope="row">{cell(row, first)}</th> : null}
              {rest.map((c) => (
                <td key={c.key}>{cell(row, c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
