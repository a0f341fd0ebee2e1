'use client';
import { useState } from 'react';
import styles from './admin-users.module.css';

export interface ShownLink {
  email: string;
  purpose: 'setup' | 'invite' | 'reset';
  link: string;
  expiresAt: Date;
}

/** A set-password link, shown once: only its hash is stored, so it cannot be shown again. */
export function OneTimeLink({ shown, onDismiss }: { shown: ShownLink; onDismiss: () => void }) {
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
    <div className={styles.link} role="alert" aria-label="One-time link">
      <strong>
        {shown.purpose === 'invite' ? 'Invite' : 'Password reset'} link for {shown.email} — copy it now, it is shown only
        this once.
      </strong>{' '}
      Send it to them by a channel you trust; it works once, until {shown.expiresAt.toLocaleString('en-GB')}. Issuing
      another link voids this one.
      <code data-testid="one-time-link">{shown.link}</code>
      <span className={styles.actions}>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss}>
          Done
        </button>
      </span>
      {copied === false ? <p className="error">Could not copy: select the link and copy it by hand.</p> : null}
    </div>
  );
}
