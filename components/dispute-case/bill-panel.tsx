import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { formatDay, formatInstant } from './format';
import type { DisputeCaseData } from './types';
import styles from './dispute-case.module.css';

/** The disputed bill and what the case has established about it so far. */
export function BillPanel({ dispute, settings }: Pick<DisputeCaseData, 'dispute' | 'settings'>) {
  const t = useTranslations('disputeCase.bill');
  const words = useWords();
  const f = useFormat();
  const money = (cents: number) => f.cents(cents, settings.currency);
  const at = (value: Date) => formatInstant(value, settings.timezone, f.locale);
  return (
    <section className="card" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <dl className={styles.facts}>
        <dt>{t('bill')}</dt>
        <dd>
          {dispute.billNumber === null
            ? '—'
            : dispute.billNumber === 1
              ? t('firstBill')
              : t('billN', { n: dispute.billNumber })}
        </dd>
        <dt>{t('amount')}</dt>
        <dd>{money(dispute.disputedAmountCents)}</dd>
        <dt>{t('cause')}</dt>
        <dd>{words('disputeCause', dispute.cause)}</dd>
        <dt>{t('opened')}</dt>
        <dd>{at(dispute.openedAt)}</dd>
        <dt>{t('undue')}</dt>
        <dd>
          {dispute.undueCharge === null ? t('notDecided') : dispute.undueCharge ? t('yes') : t('no')}
          {dispute.undueReason ? ` — ${dispute.undueReason}` : ''}
        </dd>
        <dt>{t('recalculation')}</dt>
        <dd>
          {dispute.recalculationRef ?? '—'}
          {dispute.expectedResolutionOn
            ? t('expected', { day: formatDay(dispute.expectedResolutionOn, f.locale) })
            : ''}
        </dd>
        <dt>{t('credited')}</dt>
        <dd>{money(dispute.creditedAmountCents)}</dd>
        <dt>{t('customerTold')}</dt>
        <dd>
          {dispute.customerNotifiedAt
            ? dispute.customerNotifiedChannel
              ? t('toldBy', {
                  at: at(dispute.customerNotifiedAt),
                  channel: words('channel', dispute.customerNotifiedChannel),
                })
              : at(dispute.customerNotifiedAt)
            : t('notYet')}
        </dd>
      </dl>
    </section>
  );
}
