'use client';
import type { ReactNode } from 'react';
import { LEGAL_POLICIES, LEGAL_POLICY_LABELS, UK_NATIONS, type LegalPolicy, type UkNation } from '@/lib/billing';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { FieldErrors } from './form-values';
import type { PolicyRow } from './policy-rows';
import styles from './admin-settings.module.css';

type Region = RouterOutputs['adminSettings']['get']['regions'][number];

const NATION_LABELS: Record<UkNation, string> = {
  ENG: 'England',
  SCT: 'Scotland',
  WLS: 'Wales',
  NIR: 'Northern Ireland',
};

/**
 * Which legal compensation rule each region follows, from which date. The rule in force when an
 * outage starts governs all of it; a region without one follows the general pro-rata.
 */
export function PoliciesEditor({
  rows,
  onChange,
  regions,
  errors,
  serverError,
  meta,
}: {
  rows: PolicyRow[];
  onChange: (rows: PolicyRow[]) => void;
  regions: readonly Region[];
  errors: FieldErrors;
  serverError?: string;
  meta: ReactNode;
}) {
  const update = (index: number, patch: Partial<PolicyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div data-testid="setting-legalCompensationPolicies">
      <div className={styles.sectionHead}>
        <h3 className={styles.subhead}>Legal minimum per region</h3>
        <span className={styles.meta}>
          <span>Default: general pro-rata everywhere</span>
          {meta}
        </span>
      </div>
      <p className={`muted ${styles.note}`}>
        The rule in force on the day an outage starts applies to all of it. The policy above (multiplier, floor) is
        added on top of the legal minimum.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No region has a specific rule: every outage owes the general pro-rata.</p>
      ) : (
        <table className={styles.overrides} aria-label="Legal compensation policy per region">
          <thead>
            <tr>
              <th>Region</th>
              <th>Policy</th>
              <th>From</th>
              <th>Bank holidays of</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const error = errors[`legalCompensationPolicies.${i}`];
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={`Policy ${i + 1}: region`}
                      value={row.regionCode}
                      onChange={(e) => update(i, { regionCode: e.target.value })}
                    >
                      <option value="">Choose…</option>
                      {regions.map((r) => (
                        <option key={r.code} value={r.code}>
                          {r.name} ({r.code})
                        </option>
                      ))}
                    </select>
                    {error ? <p className={styles.fieldError}>{error}</p> : null}
                  </td>
                  <td>
                    <select
                      aria-label={`Policy ${i + 1}: rule`}
                      value={row.policy}
                      onChange={(e) => update(i, { policy: e.target.value as LegalPolicy | '' })}
                    >
                      <option value="">Choose…</option>
                      {LEGAL_POLICIES.map((p) => (
                        <option key={p} value={p}>
                          {LEGAL_POLICY_LABELS[p]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`Policy ${i + 1}: effective from`}
                      value={row.effectiveFrom}
                      onChange={(e) => update(i, { effectiveFrom: e.target.value })}
                    />
                  </td>
                  <td>
                    {row.policy === 'uk-ofcom' ? (
                      <select
                        aria-label={`Policy ${i + 1}: UK nation`}
                        value={row.nation === '' ? 'ENG' : row.nation}
                        onChange={(e) => update(i, { nation: e.target.value as UkNation })}
                      >
                        {UK_NATIONS.map((n) => (
                          <option key={n} value={n}>
                            {NATION_LABELS[n]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className="muted">—</span>
                    )}
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
      {errors.legalCompensationPolicies || serverError ? (
        <p className="error">{errors.legalCompensationPolicies ?? serverError}</p>
      ) : null}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => onChange([...rows, { regionCode: '', policy: '', effectiveFrom: '', nation: '' }])}
      >
        Add region policy
      </button>
    </div>
  );
}
