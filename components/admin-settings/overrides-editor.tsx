'use client';
import type { ReactNode } from 'react';
import { humanize } from '@/lib/format';
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
  serverError,
  meta,
}: {
  rows: OverrideRow[];
  onChange: (rows: OverrideRow[]) => void;
  reps: readonly Rep[];
  currency: string;
  errors: FieldErrors;
  serverError?: string;
  meta: ReactNode;
}) {
  const update = (index: number, patch: Partial<OverrideRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div data-testid="setting-creditLimitOverrides">
      <div className={styles.sectionHead}>
        <h3 className={styles.subhead}>Overrides per team and per rep</h3>
        <span className={styles.meta}>
          <span>Default: none</span>
          {meta}
        </span>
      </div>
      <p className={`muted ${styles.note}`}>
        A rep&apos;s own limits win over their team&apos;s, which win over the defaults above.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No overrides: every rep has the default limits.</p>
      ) : (
        <table className={styles.overrides} aria-label="Credit-limit overrides">
          <thead>
            <tr>
              <th>For</th>
              <th>Per dispute ({currency})</th>
              <th>Per month ({currency})</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const error = errors[`creditLimitOverrides.${i}`];
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={`Override ${i + 1}: team or rep`}
                      value={row.target}
                      onChange={(e) => update(i, { target: e.target.value })}
                    >
                      <option value="">Choose…</option>
                      <optgroup label="Teams">
                        {TEAMS.map((team) => (
                          <option key={team} value={`team:${team}`}>
                            {humanize(team)} team
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Reps">
                        {reps.map((rep) => (
                          <option key={rep.id} value={`user:${rep.id}`}>
                            {rep.name} ({rep.email}){rep.team ? ` — ${rep.team}` : ''}
                            {rep.active ? '' : ' — inactive'}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                    {error ? <p className={styles.fieldError}>{error}</p> : null}
                  </td>
                  <td>
                    <input
                      aria-label={`Override ${i + 1}: per dispute`}
                      inputMode="decimal"
                      value={row.perCase}
                      onChange={(e) => update(i, { perCase: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Override ${i + 1}: per month`}
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
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {errors.creditLimitOverrides || serverError ? (
        <p className="error">{errors.creditLimitOverrides ?? serverError}</p>
      ) : null}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => onChange([...rows, { target: '', perCase: '', perMonth: '' }])}
      >
        Add override
      </button>
    </div>
  );
}
