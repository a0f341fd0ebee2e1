'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useWords } from '@/components/ui/vocab';
import { LEGAL_POLICIES, UK_NATIONS, type LegalPolicy, type UkNation } from '@/lib/billing';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { FieldErrors } from './form-values';
import type { PolicyRow } from './policy-rows';
import styles from './admin-settings.module.css';

type Region = RouterOutputs['adminSettings']['get']['regions'][number];

/**
 * Which legal compensation rule each region follows, from which date. The rule in force when an
 * outage starts governs all of it; a region without one follows the general pro-rata.
 */
export function PoliciesEditor({
  rows,
  onChange,
  regions,
  errors,
  problem,
  serverError,
  meta,
}: {
  rows: PolicyRow[];
  onChange: (rows: PolicyRow[]) => void;
  regions: readonly Region[];
  errors: FieldErrors;
  /** A problem's message key (or the schema's words) in the user's language. */
  problem: (text: string | undefined) => string | undefined;
  serverError?: string;
  meta: ReactNode;
}) {
  const t = useTranslations('adminSettings.policies');
  const words = useWords();
  const update = (index: number, patch: Partial<PolicyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div data-testid="setting-legalCompensationPolicies">
      <div className={styles.sectionHead}>
        <h3 className={styles.subhead}>{t('title')}</h3>
        <span className={styles.meta}>
          <span>{t('defaultText')}</span>
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
              <th>{t('region')}</th>
              <th>{t('policy')}</th>
              <th>{t('from')}</th>
              <th>{t('holidays')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const error = problem(errors[`legalCompensationPolicies.${i}`]);
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={t('regionLabel', { n: i + 1 })}
                      value={row.regionCode}
                      onChange={(e) => update(i, { regionCode: e.target.value })}
                    >
                      <option value="">{t('choose')}</option>
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
                      aria-label={t('ruleLabel', { n: i + 1 })}
                      value={row.policy}
                      onChange={(e) => update(i, { policy: e.target.value as LegalPolicy | '' })}
                    >
                      <option value="">{t('choose')}</option>
                      {LEGAL_POLICIES.map((p) => (
                        <option key={p} value={p}>
                          {words('legalPolicy', p)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={t('fromLabel', { n: i + 1 })}
                      value={row.effectiveFrom}
                      onChange={(e) => update(i, { effectiveFrom: e.target.value })}
                    />
                  </td>
                  <td>
                    {row.policy === 'uk-ofcom' ? (
                      <select
                        aria-label={t('nationLabel', { n: i + 1 })}
                        value={row.nation === '' ? 'ENG' : row.nation}
                        onChange={(e) => update(i, { nation: e.target.value as UkNation })}
                      >
                        {UK_NATIONS.map((n) => (
                          <option key={n} value={n}>
                            {t(`nations.${n}`)}
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
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {errors.legalCompensationPolicies || serverError ? (
        <p className="error">{problem(errors.legalCompensationPolicies ?? serverError)}</p>
      ) : null}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => onChange([...rows, { regionCode: '', policy: '', effectiveFrom: '', nation: '' }])}
      >
        {t('add')}
      </button>
    </div>
  );
}
