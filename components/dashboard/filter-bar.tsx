'use client';
import { useTranslations } from 'next-intl';
import { parseAsInteger, useQueryStates } from 'nuqs';
import { useTransition } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { dashboardFilterParsers, type ResolvedFilters } from '@/lib/dashboard-filters';
import { PERIOD_PRESETS, type PeriodPreset } from '@/lib/periods';

export interface FilterOptions {
  regions: readonly { code: string; name: string }[];
  reps: readonly { email: string; name: string }[];
}

/** Period, region and rep, kept in the URL: shareable, and the back button restores them. */
export function FilterBar({
  filters,
  options,
  showRep = true,
}: {
  filters: ResolvedFilters;
  options: FilterOptions;
  showRep?: boolean;
}) {
  const [isPending, startTransition] = useTransition();
  const t = useTranslations('dashboard.filters');
  const f = useFormat();
  const [, setQueryState] = useQueryStates(
    { ...dashboardFilterParsers, page: parseAsInteger },
    { shallow: false, history: 'push', startTransition },
  );
  // A new filter starts a paginated list from its first page.
  const setQuery = (values: Omit<Parameters<typeof setQueryState>[0], 'page'>) =>
    setQueryState({ ...values, page: null });

  function setPreset(value: string) {
    if (value === 'custom') void setQuery({ preset: 'custom', from: filters.from, to: filters.to });
    else void setQuery({ preset: value as PeriodPreset, from: null, to: null });
  }

  return (
    <form className="filters" aria-label={t('label')} aria-busy={isPending} onSubmit={(e) => e.preventDefault()}>
      <div className="filter-field">
        <label htmlFor="filter-period">{t('period')}</label>
        <select id="filter-period" value={filters.preset} onChange={(e) => setPreset(e.target.value)} name="preset">
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`presets.${p}`)}
            </option>
          ))}
          <option value="custom">{t('presets.custom')}</option>
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="filter-from">{t('from')}</label>
        <input
          id="filter-from"
          type="date"
          name="from"
          value={filters.from}
          onChange={(e) => e.target.value && void setQuery({ preset: 'custom', from: e.target.value, to: filters.to })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor="filter-to">{t('to')}</label>
        <input
          id="filter-to"
          type="date"
          name="to"
          value={filters.to}
          onChange={(e) =>
            e.target.value && void setQuery({ preset: 'custom', from: filters.from, to: e.target.value })
          }
        />
      </div>
      <div className="filter-field">
        <label htmlFor="filter-region">{t('region')}</label>
        <select
          id="filter-region"
          name="region"
          value={filters.region ?? ''}
          disabled={filters.regionLocked}
          onChange={(e) => void setQuery({ region: e.target.value || null, rep: null })}
        >
          {filters.regionLocked ? null : <option value="">{t('allRegions')}</option>}
          {options.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {showRep ? (
        <div className="filter-field">
          <label htmlFor="filter-rep">{t('rep')}</label>
          <select
            id="filter-rep"
            name="rep"
            value={filters.rep ?? ''}
            disabled={filters.repLocked}
            onChange={(e) => void setQuery({ rep: e.target.value || null })}
          >
            <option value="">{t('allReps')}</option>
            {options.reps.map((r) => (
              <option key={r.email} value={r.email}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <span className="muted" aria-live="polite">
        {isPending
          ? t('updating')
          : t('summary', {
              from: f.day(filters.from),
              to: f.day(filters.to),
              timezone: filters.timezone,
              previousFrom: f.day(filters.previousFrom),
              previousTo: f.day(filters.previousTo),
            })}
      </span>
    </form>
  );
}
