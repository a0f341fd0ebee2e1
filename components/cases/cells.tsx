import { useFormat } from '@/components/i18n/use-format';
import styles from './cases.module.css';
import { AccountLink } from '../customer-360/account-link';

export function Money({ cents, currency }: { cents: number | null; currency: string }) {
  const f = useFormat();
  return <>{cents === null ? '—' : f.cents(cents, currency)}</>;
}

export function Ref({ value }: { value: string | null }) {
  return value ? <span className={styles.ref}>{value}</span> : <span className="muted">—</span>;
}

/** An account number, linked to the customer's 360 page. */
export function AccountRef({ value }: { value: string | null }) {
  return value ? <AccountLink account={value} className={styles.ref} /> : <span className="muted">—</span>;
}

/** A user by name, with the email on hover (the filters use emails). */
export function Person({
  name,
  email,
  fallback = '—',
}: {
  name: string | null;
  email: string | null;
  fallback?: string;
}) {
  return name ? <span title={email ?? undefined}>{name}</span> : <span className="muted">{fallback}</span>;
}
