import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords, type Words } from '@/components/ui/vocab';
import type { Formats } from '@/lib/format';
import { formatLocal, type OutageTranslator } from './format';
import styles from './outage-response.module.css';

interface Entry {
  at: string;
  actor: string | null;
  action: string;
  details: Record<string, unknown> | null;
}

function describe(entry: Entry, timezone: string, tools: { t: OutageTranslator; words: Words; f: Formats }): string {
  const { t, words, f } = tools;
  const d = entry.details ?? {};
  switch (entry.action) {
    case 'outage.declare':
      return t('history.declared');
    case 'outage.milestone': {
      const label = words('milestone', String(d.step));
      const to = typeof d.to === 'string' ? formatLocal(d.to, timezone, f.locale) : '?';
      return typeof d.from === 'string'
        ? t('history.corrected', { label, from: formatLocal(d.from, timezone, f.locale), to })
        : t('history.at', { label, to });
    }
    case 'outage.compensate_all':
      return `${t('history.compensated', { count: f.count(Number(d.created ?? 0)) })}${d.forced ? t('history.forced') : ''}`;
    default:
      return entry.action;
  }
}

/** Every change to the outage, by whom and when (the audit log). */
export function HistoryPanel({ history, timezone }: { history: Entry[]; timezone: string }) {
  const t = useTranslations('outageResponse');
  const words = useWords();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="history" data-testid="history-panel">
      <h2 id="history">{t('history.title')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className={styles.history}>
          {history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <time dateTime={h.at}>{formatLocal(h.at, timezone, f.locale)}</time> · {h.actor ?? t('history.system')} ·{' '}
              {describe(h, timezone, { t, words, f })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
