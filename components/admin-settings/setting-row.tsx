'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import styles from './admin-settings.module.css';

/** One setting: its label, the input, the default beside it (and a reset when it differs), its problem. */
export function SettingRow({
  id,
  label,
  hint,
  unit,
  value,
  onChange,
  inputMode,
  list,
  defaultText,
  meta,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  unit?: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** The id of a datalist of suggestions. */
  list?: string;
  defaultText: string;
  /** Extra text or controls after the default (who changed it, a reset button). */
  meta?: ReactNode;
  error?: string;
}) {
  const t = useTranslations('adminSettings');
  const errorId = `${id}-error`;
  return (
    <div className={styles.row} data-testid={`setting-${id}`}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {hint ? <small>{hint}</small> : null}
      </label>
      <span className={styles.input}>
        <input
          id={id}
          name={id}
          value={value}
          inputMode={inputMode}
          list={list}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit ? <span className="muted">{unit}</span> : null}
      </span>
      <span className={styles.meta}>
        <span>{t('default', { value: defaultText })}</span>
        {meta}
      </span>
      {error ? (
        <p className={styles.fieldError} id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
