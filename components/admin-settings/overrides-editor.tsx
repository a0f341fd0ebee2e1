'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useWords } from '@/components/ui/vocab';
import type { RouterOutputs } from '@/lib/trpc/types';
import { TEAMS } from '@/lib/vocabularies';
import type { FieldErrors, OverrideRow } from './form-values';
import styles from './admin-settings.module.css';

type Rep = RouterOutputs['adminSettings']['get']['reps'][number];

/**
 * Per-team and per-user credit limits over the defaults. A rep's own override wins over their
 * team's, which wins over the default.
 */
export function OverridesEditor({
  rows,
  onChange,
  reps,
  currency,
  errors,
  problem,
  serverError,
  meta,
}: {
  rows: OverrideRow[];
  onChange: (rows: OverrideRow[]) => void;
  reps: readonly Rep[];
  currency: string;
  errors: FieldErrors;
  /** A problem's message key (or the schema's words) in the user's language. */
  problem: (text: string | undefined) => string | undefined;
  serverError?: string;
  meta: ReactNode;
}) {
  const t = useTranslations('adminSettings.overrides');
  const words = useWords();
  const update = (index: number, patch: Partial<OverrideRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div data-testid="setting-creditLimitOverrides">
      <div className={styles.sectionHead}>
        <h3 className={styles.subhead}>{t('title')}</h3>
        <span className={styles.meta}>
          <span>{t('defaultNone')}</span>
          {meta}
        </span>
      </div>
      <p className={`muted ${styles.note}`}>{t('note')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className={styles.overrides} aria-label={t('label')}>
          <thead>
            <tr>
              <th>{t('for')}</th>
              <th>{t('perDispute', { currency })}</th>
              <th>{t('perMonth', { currency })}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const error = problem(errors[`creditLimitOverrides.${i}`]);
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={t('target', { n: i + 1 })}
                      value={row.target}
                      onChange={(e) => update(i, { target: e.target.value })}
                    >
                      <option value="">{t('choose')}</option>
                      <optgroup label={t('teams')}>
                        {TEAMS.map((team) => (
                          <option key={team} value={`team:${team}`}>
                            {t(`teamOption.${team}`)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t('reps')}>
                        {reps.map((rep) => (
                          <option key={rep.id} value={`user:${rep.id}`}>
                            {rep.name} ({rep.email}){rep.team ? ` — ${words('team', rep.team)}` : ''}
                            {rep.active ? '' : t('inactive')}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                    {error ? <p className={styles.fieldError}>{error}</p> : null}
                  </td>
                  <td>
                    <input
                      aria-label={t('perDisputeLabel', { n: i + 1 })}
                      inputMode="decimal"
                      value={row.perCase}
                      onChange={(e) => update(i, { perCase: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('perMonthLabel', { n: i + 1 })}
                      inputMode="decimal"
                      value={row.perMonth}
                      onChange={(e) => update(i, { perMonth: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {errors.creditLimitOverrides || serverError ? (
        <p className="error">{problem(errors.creditLimitOverrides ?? serverError)}</p>
      ) : null}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => onChange([...rows, { target: '', perCase: '', perMonth: '' }])}
      >
        {t('add')}
      </button>
    </div>
  );
}
