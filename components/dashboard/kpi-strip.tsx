import { useLocale } from 'next-intl';
import Link from 'next/link';
import { formatValue, type ValueKind } from '@/components/charts/value-format';
import { describeDelta } from '@/lib/kpi-cards';
import { useDeltaText } from './use-delta-text';

export interface KpiItem {
  id: string;
  label: string;
  value: number | null;
  kind: ValueKind;
  /** The previous period's value; with `goodWhen`, shows the coloured delta. */
  previous?: number | null;
  goodWhen?: 'up' | 'down';
  /** A drill-down to the rows behind the figure. */
  href?: string;
  note?: string;
}

/** An area page's key figures: value, and the delta against the previous period when given. */
export function KpiStrip({ items, label, currency }: { items: readonly KpiItem[]; label: string; currency?: string }) {
  const locale = useLocale();
  const deltaText = useDeltaText();
  return (
    <section className="cards" aria-label={label}>
      {items.map((item) => {
        const delta =
          item.goodWhen && item.previous !== undefined
            ? describeDelta(item.value, item.previous, { kind: item.kind, goodWhen: item.goodWhen }, locale)
            : null;
        const body = (
          <>
            <div className="kpi-label">{item.label}</div>
            <div className="kpi-value" data-value={item.value ?? ''}>
              {formatValue(item.value, item.kind, currency, locale)}
            </div>
            {delta ? <div className={`delta ${delta.tone}`}>{deltaText(delta)}</div> : null}
            {item.note ? <div className="delta neutral">{item.note}</div> : null}
          </>
        );
        return item.href ? (
          <Link className="card" key={item.id} href={item.href} data-testid={`kpi-${item.id}`}>
            {body}
          </Link>
        ) : (
          <div className="card" key={item.id} data-testid={`kpi-${item.id}`}>
            {body}
          </div>
        );
      })}
    </section>
  );
}
