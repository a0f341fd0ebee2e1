'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { ChartDataTable, type TableColumn } from './chart-data-table';
import { formatValue } from './value-format';

export type { TableColumn } from './chart-data-table';

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
  const t = useTranslations('dashboard.charts');
  const locale = useLocale();
  const titleId = useId();
  const bodyId = useId();
  return (
    <figure className="card chart-frame" aria-labelledby={titleId}>
      <div className="chart-head">
        <figcaption id={titleId}>
          <strong>{title}</strong>
          {description ? <span className="muted"> — {description}</span> : null}
        </figcaption>
        {/* A real button in the tab order: the keyboard's way to the chart's numbers (the marks are not focusable). */}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => setAsTable((v) => !v)}
          aria-controls={bodyId}
          aria-describedby={titleId}
        >
          {asTable ? t('viewAsChart') : t('viewAsTable')}
        </button>
      </div>
      {asTable ? (
        <ChartDataTable
          id={bodyId}
          caption={title}
          columns={columns}
          rows={rows}
          formatCell={(value, kind) => formatValue(value, kind, currency, locale)}
        />
      ) : rows.length === 0 ? (
        <p className="muted" id={bodyId}>
          {t('noData')}
        </p>
      ) : (
        <div role="img" aria-label={title} className="chart-body" id={bodyId}>
          {children}
        </div>
      )}
    </figure>
  );
}
