'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { isClosedStatus } from '@/lib/dispute-status';
import { formatInstant, relativeHours } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

export function CaseHeader({ data }: { data: DisputeCaseData }) {
  const t = useTranslations('disputeCase');
  const words = useWords();
  const f = useFormat();
  const { dispute, settings } = data;
  const closed = isClosedStatus(dispute.status);
  const sla = relativeHours(dispute.slaDueAt, Date.now(), t);
  return (
    <div className={styles.header}>
      <h1>{t('title', { ref: dispute.ref })}</h1>
      <span className={closed ? `badge ${styles.closed}` : 'badge'} data-testid="case-status">
        {words('disputeStatus', dispute.status)}
      </span>
      {closed ? (
        <span className="muted">
          {t('header.closedAt', { at: formatInstant(dispute.resolvedAt, settings.timezone, f.locale) })}
        </span>
      ) : (
        <span className={sla.late ? styles.late : 'muted'} suppressHydrationWarning>
          {t('header.sla', { hours: settings.slaHours, text: sla.text })}
        </span>
      )}
      <span className="muted">
        {t('header.assigned', {
          name: dispute.assignee ? dispute.assignee.name : t('header.nobody'),
          version: data.version,
        })}
      </span>
    </div>
  );
}
