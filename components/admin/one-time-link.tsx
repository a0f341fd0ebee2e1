'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import styles from './admin-users.module.css';

export interface ShownLink {
  email: string;
  purpose: 'setup' | 'invite' | 'reset';
  link: string;
  expiresAt: Date;
}

/** A set-password link, shown once: only its hash is stored, so it cannot be shown again. */
export function OneTimeLink({ shown, onDismiss }: { shown: ShownLink; onDismiss: () => void }) {
  const t = useTranslations('adminUsers.link');
  const f = useFormat();
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(shown.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className={styles.link} role="alert" aria-label={t('label')}>
      <strong>{t('heading', { purpose: shown.purpose, email: shown.email })}</strong>{' '}
      {t('body', { until: f.longInstant(shown.expiresAt, Intl.DateTimeFormat().resolvedOptions().timeZone) })}
      <code data-testid="one-time-link">{shown.link}</code>
      <span className={styles.actions}>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          {copied ? t('copied') : t('copy')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss}>
          {t('done')}
        </button>
      </span>
      {copied === false ? <p className="error">{t('copyFailed')}</p> : null}
    </div>
  );
}
