'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { DecideControls } from '../approvals/decide-controls';
import { formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** Credits issued on this dispute and requests above a rep's limit, which a manager can decide here. */
export function CreditsPanel({ data }: { data: DisputeCaseData }) {
  const { credits, settings, permissions, dispute } = data;
  const t = useTranslations('disputeCase.credits');
  const words = useWords();
  const f = useFormat();
  const money = (cents: number) => f.cents(cents, settings.currency);
  const at = (value: Date | null) => formatInstant(value, settings.timezone, f.locale);
  if (credits.compensations.length === 0 && credits.requests.length === 0) {
    return (
      <section className="card" aria-label={t('title')}>
        <h2>{t('title')}</h2>
        <p className={`muted ${styles.empty}`}>{t('none')}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      {credits.compensations.length > 0 ? (
        <table className={`data ${styles.table}`} aria-label={t('issuedLabel')}>
          <thead>
            <tr>
              <th>{t('ref')}</th>
              <th>{t('kind')}</th>
              <th className={styles.num}>{t('amount')}</th>
              <th>{t('issued')}</th>
              <th>{t('by')}</th>
            </tr>
          </thead>
          <tbody>
            {credits.compensations.map((c) => (
              <tr key={c.compRef}>
                <td>{c.compRef}</td>
                <td>{words('compensationKind', c.kind)}</td>
                <td className={styles.num}>{money(c.amountCents)}</td>
                <td>{at(c.issuedAt)}</td>
                <td>{c.issuedBy ?? t('automatic')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {credits.requests.length > 0 ? (
        <>
          <h3 className={styles.subhead}>{t('requests')}</h3>
          <table className={`data ${styles.table}`} aria-label={t('requests')}>
            <thead>
              <tr>
                <th className={styles.num}>{t('amount')}</th>
                <th>{t('reason')}</th>
                <th>{t('requested')}</th>
                <th>{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {credits.requests.map((r) => (
                <tr key={r.id}>
                  <td className={styles.num}>{money(r.amountCents)}</td>
                  <td>{r.reason}</td>
                  <td>{t('requestedBy', { at: at(r.requestedAt), who: r.requestedBy })}</td>
                  <td>
                    {r.status === 'pending' && permissions.canDecideCredits ? (
                      <DecideControls id={r.id} disputeRef={dispute.ref} />
                    ) : r.status === 'pending' ? (
                      <span className="badge">{t('awaiting')}</span>
                    ) : (
                      <>
                        {t('decided', { status: r.status, who: r.decidedBy ?? '—', at: at(r.decidedAt) })}
                        {r.decisionNote ? <span className="muted"> — {r.decisionNote}</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
