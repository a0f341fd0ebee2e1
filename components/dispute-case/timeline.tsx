import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { changeValue, eventLabel, fieldLabel, formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** Every change to the case, newest first: what changed, by whom, when. */
export function Timeline({ timeline, settings }: Pick<DisputeCaseData, 'timeline' | 'settings'>) {
  const t = useTranslations('disputeCase');
  const words = useWords();
  const f = useFormat();
  const tools = { t, words, f };
  return (
    <section className="card" aria-label={t('timeline.title')}>
      <h2>{t('timeline.title')}</h2>
      {timeline.length === 0 ? <p className={`muted ${styles.empty}`}>{t('timeline.empty')}</p> : null}
      <ol className={styles.timeline} data-testid="timeline">
        {timeline.map((event) => (
          <li key={event.id}>
            <div className={styles.eventHead}>
              <strong>{eventLabel(event.kind, event.changes, t, words)}</strong>
              <span className="muted">
                {formatInstant(event.at, settings.timezone, f.locale)} · {event.actorName ?? t('timeline.system')}
              </span>
            </div>
            {event.changes ? (
              <ul className={styles.changes}>
                {Object.entries(event.changes).map(([field, change]) => (
                  <li key={field}>
                    <span className="muted">{fieldLabel(field, t)}:</span>{' '}
                    {changeValue(field, change.from, settings, tools)} →{' '}
                    {changeValue(field, change.to, settings, tools)}
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
