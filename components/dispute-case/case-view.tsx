'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/lib/trpc/react';
import { BillPanel } from './bill-panel';
import { CaseHeader } from './case-header';
import { CreditForm } from './credit-form';
import { CreditsPanel } from './credits-panel';
import { CustomerPanel } from './customer-panel';
import { EscalateForm } from './escalate-form';
import { FindingForm } from './finding-form';
import { NoteForm } from './note-form';
import { NotifiedForm } from './notified-form';
import { OtherCases } from './other-cases';
import { RecalculationForm } from './recalculation-form';
import { StatusActions } from './status-actions';
import { Timeline } from './timeline';
import styles from './dispute-case.module.css';

/** The case page: what is known on the left, what can be done on the right. */
export function CaseView({ disputeRef }: { disputeRef: string }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeCase');
  const { data } = useSuspenseQuery(trpc.disputeCase.get.queryOptions({ ref: disputeRef }));
  const { dispute, settings } = data;
  // Every change is sent with the version on screen; a newer one on the server means a conflict.
  const target = { ref: dispute.ref, version: data.version };
  return (
    <>
      <CaseHeader data={data} />
      <div className={styles.layout}>
        <div className={styles.column}>
          <div className={styles.panels}>
            <BillPanel dispute={dispute} settings={settings} />
            <CustomerPanel customer={data.customer} settings={settings} />
          </div>
          <OtherCases data={data} />
          <CreditsPanel data={data} />
          <Timeline timeline={data.timeline} settings={settings} />
        </div>
        <div className={styles.column} aria-label={t('actions')}>
          {data.permissions.canChange ? (
            <>
              <FindingForm
                target={target}
                status={dispute.status}
                undueCharge={dispute.undueCharge}
                undueReason={dispute.undueReason}
              />
              <StatusActions target={target} status={dispute.status} transitions={data.transitions} />
              <RecalculationForm
                target={target}
                status={dispute.status}
                undueCharge={dispute.undueCharge}
                recalculationRef={dispute.recalculationRef}
                expectedResolutionOn={dispute.expectedResolutionOn}
              />
              <NotifiedForm
                target={target}
                notifiedAt={dispute.customerNotifiedAt}
                channel={dispute.customerNotifiedChannel}
                timezone={settings.timezone}
              />
              {data.creditAllowance ? (
                <CreditForm
                  target={target}
                  status={dispute.status}
                  undueCharge={dispute.undueCharge}
                  allowance={data.creditAllowance}
                  currency={settings.currency}
                />
              ) : null}
              <EscalateForm
                target={target}
                churned={data.customer.churnedAt !== null}
                pendingCase={data.otherOpenCases.retention[0] ?? null}
              />
              <NoteForm target={target} />
            </>
          ) : (
            <section className="card">
              <h2>{t('readOnly')}</h2>
              <p className={`muted ${styles.empty}`}>{t('readOnlyBody')}</p>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
