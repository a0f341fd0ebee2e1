import { CHECKLIST, type OutageStep } from '@/lib/outage-targets';
import { formatLocal } from './format';
import styles from './outage-response.module.css';

/** What the desk still has to do, in the order good practice asks for it. */
export function Checklist({ steps, timezone }: { steps: Record<OutageStep, string | null>; timezone: string }) {
  const missing = CHECKLIST.filter((item) => steps[item.step] === null).length;
  return (
    <section className="card" aria-labelledby="checklist">
      <h2 id="checklist">Checklist</h2>
      <p className="muted">{missing === 0 ? 'Everything is done.' : `${missing} still missing.`}</p>
      <ul className={styles.checklist}>
        {CHECKLIST.map(({ step, todo }) => {
          const at = steps[step];
          return (
            <li
              key={step}
              data-testid={`checklist-${step}`}
              data-done={at !== null}
              className={at ? styles.done : styles.todo}
            >
              <span aria-hidden="true">{at ? '✓' : '○'}</span> {todo}
              <span className={styles.checkWhen}>{at ? formatLocal(at, timezone) : 'missing'}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
