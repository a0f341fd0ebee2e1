'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useQueryState } from 'nuqs';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useFormat } from '@/components/i18n/use-format';
import { EXPORT_DATASET_INFO, EXPORT_DATASETS, exportDatasetParser, type ExportDataset } from '@/lib/schemas/exports';
import { useTRPC } from '@/lib/trpc/react';
import styles from './exports.module.css';

/**
 * Pick a dataset, see how many rows the dashboard's filters select, download them. The links go
 * to the streaming API route, so the browser saves the file as it arrives.
 */
export function ExportPanel({ input, timezone }: { input: DashboardQueryInput; timezone: string }) {
  const trpc = useTRPC();
  const t = useTranslations('exports');
  const f = useFormat();
  const [isPending, startTransition] = useTransition();
  const [dataset, setDataset] = useQueryState(
    'dataset',
    exportDatasetParser.withOptions({ history: 'push', startTransition }),
  );
  const { data } = useSuspenseQuery(trpc.exports.count.queryOptions({ dataset, ...input }));
  const info = EXPORT_DATASET_INFO[dataset];
  const rule = (part: 'period' | 'region' | 'rep') => {
    const key = `datasets.${dataset}.${part}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : '';
  };

  return (
    <section className="card" aria-labelledby="export-heading" aria-busy={isPending}>
      <h2 id="export-heading">{t('panel.title')}</h2>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="export-dataset">{t('panel.dataset')}</label>
          <select
            id="export-dataset"
            name="dataset"
            value={dataset}
            onChange={(e) => void setDataset(e.target.value as ExportDataset)}
          >
            {EXPORT_DATASETS.map((d) => (
              <option key={d} value={d}>
                {t(`datasets.${d}.label`)}
              </option>
            ))}
          </select>
        </div>
        <p className={styles.count} data-testid="export-count" data-value={data.count} aria-live="polite">
          <strong>{f.count(data.count)}</strong> {t('panel.rows', { count: data.count })}
        </p>
      </div>

      <ul className={styles.rules}>
        <li>{t('panel.period', { from: data.filters.from, to: data.filters.to, timezone, rule: rule('period') })}</li>
        <li>
          {data.filters.region === null
            ? t('panel.allRegions')
            : t('panel.region', { region: data.filters.region, rule: rule('region') })}
        </li>
        <li>
          {info.rep === null
            ? t('panel.repNotApplicable')
            : input.rep === null
              ? t('panel.allReps')
              : t('panel.rep', { rep: input.rep, rule: rule('rep') })}
        </li>
      </ul>

      <div className={styles.actions}>
        <a className="btn" href={data.csvUrl} download>
          {t('panel.csv')}
        </a>
        {data.xlsxAllowed ? (
          <a className="btn btn-ghost" href={data.xlsxUrl} download>
            {t('panel.xlsx')}
          </a>
        ) : (
          <span className="muted" role="note">
            {t('panel.tooManyRows', { max: f.count(data.xlsxMaxRows) })}
          </span>
        )}
        <span className="muted">
          {t.rich('panel.file', { name: data.fileName.replace(/\.csv$/, ''), code: (chunks) => <code>{chunks}</code> })}
        </span>
      </div>
      {data.count === 0 ? <p className="muted">{t('panel.noRows')}</p> : null}

      {data.omitted.length > 0 ? (
        <p className={styles.privacy} role="note">
          {t('panel.privacy', { columns: data.omitted.join(', '), count: data.omitted.length })}
        </p>
      ) : null}

      <details className={styles.details}>
        <summary>{t('panel.columns', { count: data.columns.length })}</summary>
        <p>
          <code>{data.columns.join(', ')}</code>
        </p>
        <p className="muted">{t('panel.format')}</p>
      </details>
    </section>
  );
}
