import styles from './audit-log.module.css';

/** A JSON value in one short line: strings as they are, the rest as compact JSON. */
function brief(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A change (`from` → `to`), object by object where both sides are objects, so only what moved is shown. */
function Change({ from, to }: { from: unknown; to: unknown }) {
  if (isRecord(from) && isRecord(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter(
      (key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]),
    );
    return (
      <ul className={styles.changes}>
        {keys.map((key) => (
          <li key={key}>
            {key}: {brief(from[key])} → {brief(to[key])}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <span>
      {brief(from)} → {brief(to)}
    </span>
  );
}

/** An audit row's details (jsonb) as readable lines: a change as `from → to`, other keys as `key: value`. */
export function AuditDetails({ details }: { details: Record<string, unknown> | null }) {
  if (details === null || Object.keys(details).length === 0) return <span className="muted">—</span>;
  const { from, to, ...rest } = details;
  const hasChange = 'from' in details && 'to' in details;
  const entries = Object.entries(hasChange ? rest : details);
  return (
    <div>
      {hasChange ? <Change from={from} to={to} /> : null}
      {entries.length > 0 ? (
        <dl className={styles.pairs}>
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}: </dt>
              <dd>{brief(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
