import Link from 'next/link';
import { formatCents, formatCount, formatRate } from '@/lib/format';
import styles from './compensation.module.css';

export interface GroupRow {
  key: string;
  count: number;
  totalCents: number;
}

interface GroupTableProps {
  keyLabel: string;
  rows: readonly GroupRow[];
  totalCents: number;
  currency: string;
  labelOf: (key: string) => string;
  hrefOf: (key: string) => string;
}

/** One KPI engine breakdown (`byKind`, `byRegion`, `byRep`): count, cost, average and share, each row a drill-down. */
export function GroupTable({ keyLabel, rows, totalCents, currency, labelOf, hrefOf }: GroupTableProps) {
  if (rows.length === 0) return <p className="muted">No compensation was issued in this period.</p>;
  return (
    <table className={`data ${styles.table}`}>
      <thead>
        <tr>
          <th>{keyLabel}</th>
          <th className={styles.num}>Count</th>
          <th className={styles.num}>Cost</th>
          <th className={styles.num}>Average</th>
          <th className={styles.num}>Share of cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>
              <Link href={hrefOf(row.key)}>{labelOf(row.key)}</Link>
            </td>
            <td className={styles.num}>{formatCount(row.count)}</td>
            <td className={styles.num}>{formatCents(row.totalCents, currency)}</td>
            <td className={styles.num}>
              {row.count === 0 ? '—' : formatCents(Math.round(row.totalCents / row.count), currency)}
            </td>
            <td className={styles.num}>{formatRate(totalCents === 0 ? null : row.totalCents / totalCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
