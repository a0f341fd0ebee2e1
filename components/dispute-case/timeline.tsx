import { changeValue, eventLabel, fieldLabel, formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** Every change to the case, newest first: what changed, by whom, when. */
export function Timeline({ timeline, settings }: Pick<DisputeCaseData, 'timeline' | 'settings'>) {
  return (
    <section className="card" aria-label="Timeline">
      <h2>Timeline</h2>
      {timeline.length === 0 ? <p className={`muted ${styles.empty}`}>No changes recorded yet.</p> : null}
      <ol className={styles.timeline} data-testid="timeline">
        {timeline.map((event) => (
          <li key={event.id}>
            <div className={styles.eventHead}>
              <strong>{eventLabel(event.kind, event.changes)}</strong>
              <span className="muted">
                {formatInstant(event.at, settings.timezone)} · {event.actorName ?? 'system'}
              </span>
            </div>
            {event.changes ? (
              <ul className={styles.changes}>
                {Object.entries(event.changes).map(([field, change]) => (
                  <li key={field}>
                    <span className="muted">{fieldLabel(field)}:</span> {changeValue(field, change.from, settings)} →{' '}
                    {changeValue(field, change.to, settings)}
                  </li>
                ))}
              </ul>
            ) : null}
            {event.note ? <p className={styles.note}>{event.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
