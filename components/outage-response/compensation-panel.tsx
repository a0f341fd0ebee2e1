'use client';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { useTRPC } from '@/lib/trpc/react';
import { AccountLink } from '@/components/customer-360/account-link';
import { MutationError } from '@/components/ui/mutation-error';
import { CustomerLookup } from './customer-lookup';
import { Explanation } from './explanation';
import { useOutageRefresh } from './use-outage-refresh';
import styles from './outage-response.module.css';

interface Props {
  outageRef: string;
  canManage: boolean;
  canForce: boolean;
}

/** Legal minimum against what was issued, who is still owed, and the one action that credits them all. */
export function CompensationPanel({ outageRef, canManage, canForce }: Props) {
  const trpc = useTRPC();
  const t = useTranslations('outageResponse.compensation');
  const f = useFormat();
  const words = useWords();
  const refresh = useOutageRefresh(outageRef);
  const { data: k } = useSuspenseQuery(trpc.outageResponse.compensation.queryOptions({ ref: outageRef }));
  const [force, setForce] = useState(false);
  const run = useMutation(
    trpc.outageResponse.compensateAll.mutationOptions({ onSuccess: () => refresh({ credits: true }) }),
  );
  const cur = (cents: number) => f.cents(cents, k.currency);
  const policyDiffers = k.policy.multiplier !== 1 || k.policy.floorCents > 0 || k.policy.minHours > 0;
  const blockedOpen = k.open && !(canForce && force);
  return (
    <section className="card" aria-labelledby="compensation" data-testid="compensation-panel">
      <h2 id="compensation">{t('title')}</h2>
      <p className="muted">
        {k.open ? t('openFor', { hours: f.decimal(k.hours, 2) }) : t('lasted', { hours: f.decimal(k.hours, 2) })}
        {k.services
          ? t('interrupting', { services: k.services.map((s) => words('service', s)).join(', ') })
          : t('everyService')}
        {k.forceMajeure ? t('forceMajeure') : ''}
        {t('owedRule')}
        {policyDiffers
          ? t('policyOnTop', {
              multiplier: k.policy.multiplier,
              floor: cur(k.policy.floorCents),
              minHours: k.policy.minHours,
            })
          : ''}
        {k.region ? t('regionOnly', { region: k.region }) : ''}
      </p>
      {k.belowMinimumHours ? <p className={styles.notice}>{t('belowMinimum', { hours: k.policy.minHours })}</p> : null}
      <dl className={styles.figures}>
        <div>
          <dt>{t('affected')}</dt>
          <dd>{f.count(k.affected)}</dd>
        </div>
        <div>
          <dt>{t('legalMinimum')}</dt>
          <dd data-testid="legal-minimum" data-value={k.legalMinimumCents}>
            {cur(k.legalMinimumCents)}
          </dd>
        </div>
        {policyDiffers ? (
          <div>
            <dt>{t('owedPolicy')}</dt>
            <dd>{cur(k.policyCents)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('issued')}</dt>
          <dd data-testid="issued" data-value={k.issued.cents}>
            {cur(k.issued.cents)} <span className="muted">{t('credits', { count: f.count(k.issued.count) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('stillOwed')}</dt>
          <dd
            data-testid="still-owed"
            data-value={k.stillOwed.count}
            className={k.stillOwed.count > 0 ? styles.missed : styles.met}
          >
            {t('stillOwedValue', { count: f.count(k.stillOwed.count), amount: cur(k.stillOwed.cents) })}
          </dd>
        </div>
      </dl>
      {k.byPolicy.length > 0 ? (
        <div className="table-scroll">
          <table className={`data ${styles.table}`} aria-label={t('byPolicy')}>
            <caption className={styles.caption}>{t('byPolicy')}</caption>
            <thead>
              <tr>
                <th>{t('policyVersion')}</th>
                <th className={styles.num}>{t('customers')}</th>
                <th className={styles.num}>{t('legalMinimum')}</th>
                <th className={styles.num}>{t('automatic')}</th>
                <th className={styles.num}>{t('owed')}</th>
                <th className={styles.num}>{t('issued')}</th>
              </tr>
            </thead>
            <tbody>
              {k.byPolicy.map((g) => (
                <tr key={`${g.policy}@${g.version}`} data-testid={`policy-${g.policy}`}>
                  <td title={g.rule}>
                    {words('legalPolicy', g.policy)} ({g.version})
                  </td>
                  <td className={styles.num}>{f.count(g.customers)}</td>
                  <td className={styles.num}>{cur(g.legalCents)}</td>
                  <td className={styles.num}>{cur(g.automaticCents)}</td>
                  <td className={styles.num}>{cur(g.owedCents)}</td>
                  <td className={styles.num}>{cur(g.issuedCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {k.shortfall.count > 0 ? (
        <p className={styles.notice}>
          {t('shortfall', { count: f.count(k.shortfall.count), amount: cur(k.shortfall.cents) })}
        </p>
      ) : null}
      {canManage ? (
        <div className={styles.compensate}>
          {k.open && canForce ? (
            <label className={styles.check}>
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
              {t('forceLabel')}
            </label>
          ) : null}
          <button
            type="button"
            className="btn"
            data-testid="compensate-all"
            disabled={run.isPending || blockedOpen || k.stillOwed.count === 0}
            onClick={() => run.mutate({ ref: outageRef, force: k.open && force })}
          >
            {run.isPending
              ? t('crediting')
              : t('compensateAll', { count: f.count(k.stillOwed.count), amount: cur(k.stillOwed.cents) })}
          </button>
          {k.open && !canForce ? <p className={styles.hint}>{t('resolveFirst')}</p> : null}
          {run.data ? (
            <p role="status" data-testid="compensate-result">
              {run.data.created > 0
                ? t('created', { count: f.count(run.data.created), amount: cur(run.data.createdCents) })
                : t('nothingNew')}
            </p>
          ) : null}
          <MutationError error={run.error} />
        </div>
      ) : null}
      {k.stillOwed.count > 0 ? (
        <div className="table-scroll">
          <table className={`data ${styles.table}`} aria-label={t('stillOwedLabel')}>
            <caption className={styles.caption}>
              {t('firstOf', { shown: f.count(k.stillOwed.first.length), count: f.count(k.stillOwed.count) })}
              {canManage ? (
                <>
                  {' '}
                  ·{' '}
                  <a href={`/api/v1/outages/${encodeURIComponent(outageRef)}/affected-customers?status=owed`} download>
                    {t('allCsv')}
                  </a>
                </>
              ) : null}
            </caption>
            <thead>
              <tr>
                <th>{t('account')}</th>
                <th>{t('postcode')}</th>
                <th>{t('region')}</th>
                <th className={styles.num}>{t('fee')}</th>
                <th className={styles.num}>{t('legalMinimum')}</th>
                <th className={styles.num}>{t('owed')}</th>
                <th>{t('why')}</th>
              </tr>
            </thead>
            <tbody>
              {k.stillOwed.first.map((c) => (
                <tr key={c.accountNumber}>
                  <td>
                    <AccountLink account={c.accountNumber} />
                  </td>
                  <td>{c.postcode ?? '—'}</td>
                  <td>{c.regionCode}</td>
                  <td className={styles.num}>{cur(c.monthlyFeeCents)}</td>
                  <td className={styles.num}>{cur(c.legalCents)}</td>
                  <td className={styles.num}>{cur(c.owedCents)}</td>
                  <td>
                    <Explanation owed={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CustomerLookup outageRef={outageRef} currency={k.currency} />
    </section>
  );
}
