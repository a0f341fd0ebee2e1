import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
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
  const t = useTranslations('compensation.group');
  const f = useFormat();
  if (rows.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <table className={`data ${styles.table}`}>
      <thead>
        <tr>
          <th>{keyLabel}</th>
          <th className={styles.num}>{t('count')}</th>
          <th className={styles.num}>{t('cost')}</th>
          <th className={styles.num}>{t('average')}</th>
          <th className={styles.num}>{t('share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>
              <Link href={hrefOf(row.key)}>{labelOf(row.key)}</Link>
            </td>
            <td className={styles.num}>{f.count(row.count)}</td>
            <td className={styles.num}>{f.cents(row.totalCents, currency)}</td>
            <td className={styles.num}>
              {row.count === 0 ? '—' : f.cents(Math.round(row.totalCents / row.count), currency)}
            </td>
            <td className={styles.num}>{f.rate(totalCents === 0 ? null : row.totalCents / totalCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
