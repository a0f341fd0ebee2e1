import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { CHECKLIST, type OutageStep } from '@/lib/outage-targets';
import { formatLocal } from './format';
import styles from './outage-response.module.css';

/** What the desk still has to do, in the order good practice asks for it. */
export function Checklist({ steps, timezone }: { steps: Record<OutageStep, string | null>; timezone: string }) {
  const t = useTranslations('outageResponse.checklist');
  const f = useFormat();
  const missing = CHECKLIST.filter((item) => steps[item.step] === null).length;
  return (
    <section className="card" aria-labelledby="checklist">
      <h2 id="checklist">{t('title')}</h2>
      <p className="muted">{missing === 0 ? t('done') : t('missingCount', { count: missing })}</p>
      <ul className={styles.checklist}>
        {CHECKLIST.map(({ step }) => {
          const at = steps[step];
          return (
            <li
              key={step}
              data-testid={`checklist-${step}`}
              data-done={at !== null}
              className={at ? styles.done : styles.todo}
            >
              <span aria-hidden="true">{at ? '✓' : '○'}</span> {t(`todo.${step}`)}
              <span className={styles.checkWhen}>{at ? formatLocal(at, timezone, f.locale) : t('missing')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
