import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** The customer's other live cases and what this dispute was escalated to. */
export function OtherCases({ data }: { data: DisputeCaseData }) {
  const { otherOpenCases, escalations, settings } = data;
  const t = useTranslations('disputeCase.other');
  const words = useWords();
  const f = useFormat();
  const day = (at: Date) => formatInstant(at, settings.timezone, f.locale);
  const nothing =
    otherOpenCases.disputes.length === 0 && otherOpenCases.retention.length === 0 && escalations.length === 0;
  return (
    <section className="card" aria-label={t('label')}>
      <h2>{t('title')}</h2>
      {nothing ? <p className={`muted ${styles.empty}`}>{t('none')}</p> : null}
      {otherOpenCases.disputes.length > 0 ? (
        <table className={`data ${styles.table}`} aria-label={t('disputesLabel')}>
          <thead>
            <tr>
              <th>{t('dispute')}</th>
              <th>{t('status')}</th>
              <th>{t('cause')}</th>
              <th className={styles.num}>{t('amount')}</th>
              <th>{t('opened')}</th>
              <th>{t('assignedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {otherOpenCases.disputes.map((d) => (
              <tr key={d.ref}>
                <td>{d.canOpen ? <Link href={`/disputes/${encodeURIComponent(d.ref)}`}>{d.ref}</Link> : d.ref}</td>
                <td>{words('disputeStatus', d.status)}</td>
                <td>{words('disputeCause', d.cause)}</td>
                <td className={styles.num}>{f.cents(d.disputedAmountCents, settings.currency)}</td>
                <td>{day(d.openedAt)}</td>
                <td>{d.assigneeName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {otherOpenCases.retention.length > 0 ? (
        <>
          <h3 className={styles.subhead}>{t('retention')}</h3>
          <ul>
            {otherOpenCases.retention.map((r) => (
              <li key={r.caseRef}>
                {t('retentionRow', {
                  ref: r.caseRef,
                  reason: words('churnCategory', r.reason),
                  rep: r.repName,
                  day: day(r.openedAt),
                })}
                {r.escalatedFromRef ? <span className="muted">{t('from', { ref: r.escalatedFromRef })}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {escalations.length > 0 ? (
        <p className={styles.hint}>
          {t('escalated', {
            list: escalations.map((e) => `${e.caseRef} (${words('retentionOutcome', e.outcome)})`).join(', '),
          })}
        </p>
      ) : null}
    </section>
  );
}
