'use client';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LEGAL_POLICY_LABELS } from '@/lib/billing';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { money } from './format';
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
  const refresh = useOutageRefresh(outageRef);
  const { data: k } = useSuspenseQuery(trpc.outageResponse.compensation.queryOptions({ ref: outageRef }));
  const [force, setForce] = useState(false);
  const run = useMutation(
    trpc.outageResponse.compensateAll.mutationOptions({ onSuccess: () => refresh({ credits: true }) }),
  );
  const cur = (cents: number) => money(cents, k.currency);
  const policyDiffers = k.policy.multiplier !== 1 || k.policy.floorCents > 0 || k.policy.minHours > 0;
  const blockedOpen = k.open && !(canForce && force);
  return (
    <section className="card" aria-labelledby="compensation" data-testid="compensation-panel">
      <h2 id="compensation">Compensation</h2>
      <p className="muted">
        {k.open ? 'Open for' : 'Lasted'} {k.hours.toFixed(2)} h{k.open ? ' so far' : ''}
        {k.services ? `, interrupting ${k.services.join(', ')}` : ', interrupting every service'}
        {k.forceMajeure ? ', force majeure' : ''}. Each affected customer is owed at least the legal minimum of their
        region&apos;s policy in force when the outage started; credits are issued automatically, to no rep.
        {policyDiffers
          ? ` Policy on top: × ${k.policy.multiplier} of the legal minimum, at least ${cur(k.policy.floorCents)} each, from ${k.policy.minHours} h.`
          : ''}
        {k.region ? ` Figures for your region (${k.region}) only.` : ''}
      </p>
      {k.belowMinimumHours ? (
        <p className={styles.notice}>
          Shorter than the {k.policy.minHours}-hour minimum of the compensation policy: only the legal minimum is owed.
        </p>
      ) : null}
      <dl className={styles.figures}>
        <div>
          <dt>Affected customers</dt>
          <dd>{formatCount(k.affected)}</dd>
        </div>
        <div>
          <dt>Legal minimum</dt>
          <dd data-testid="legal-minimum" data-value={k.legalMinimumCents}>
            {cur(k.legalMinimumCents)}
          </dd>
        </div>
        {policyDiffers ? (
          <div>
            <dt>Owed under the policy</dt>
            <dd>{cur(k.policyCents)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Issued</dt>
          <dd data-testid="issued" data-value={k.issued.cents}>
            {cur(k.issued.cents)} <span className="muted">({formatCount(k.issued.count)} credits)</span>
          </dd>
        </div>
        <div>
          <dt>Still owed</dt>
          <dd
            data-testid="still-owed"
            data-value={k.stillOwed.count}
            className={k.stillOwed.count > 0 ? styles.missed : styles.met}
          >
            {formatCount(k.stillOwed.count)} customers · {cur(k.stillOwed.cents)}
          </dd>
        </div>
      </dl>
      {k.byPolicy.length > 0 ? (
        <div className="table-scroll">
          <table className={`data ${styles.table}`} aria-label="Legal minimum by policy">
            <caption className={styles.caption}>Legal minimum by policy</caption>
            <thead>
              <tr>
                <th>Policy (version)</th>
                <th className={styles.num}>Customers</th>
                <th className={styles.num}>Legal minimum</th>
                <th className={styles.num}>Of it automatic</th>
                <th className={styles.num}>Owed</th>
                <th className={styles.num}>Issued</th>
              </tr>
            </thead>
            <tbody>
              {k.byPolicy.map((g) => (
                <tr key={`${g.policy}@${g.version}`} data-testid={`policy-${g.policy}`}>
                  <td title={g.rule}>
                    {LEGAL_POLICY_LABELS[g.policy]} ({g.version})
                  </td>
                  <td className={styles.num}>{formatCount(g.customers)}</td>
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
          {formatCount(k.shortfall.count)} customers were credited {cur(k.shortfall.cents)} less than they are owed now
          (credited while the outage was open); one outage credit per customer is final, so top them up by hand.
        </p>
      ) : null}
      {canManage ? (
        <div className={styles.compensate}>
          {k.open && canForce ? (
            <label className={styles.check}>
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
              Credit now although the outage is still open (the hours so far; the credit is final)
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
              ? 'Crediting…'
              : `Compensate all affected (${formatCount(k.stillOwed.count)} · ${cur(k.stillOwed.cents)})`}
          </button>
          {k.open && !canForce ? <p className={styles.hint}>Record when the outage was resolved first.</p> : null}
          {run.data ? (
            <p role="status" data-testid="compensate-result">
              {run.data.created > 0
                ? `Created ${formatCount(run.data.created)} outage credits, ${cur(run.data.createdCents)} in all.`
                : 'Nothing new: everyone owed had been credited already.'}
            </p>
          ) : null}
          <MutationError error={run.error} />
        </div>
      ) : null}
      {k.stillOwed.count > 0 ? (
        <div className="table-scroll">
          <table className={`data ${styles.table}`} aria-label="Still owed">
            <caption className={styles.caption}>
              First {formatCount(k.stillOwed.first.length)} of {formatCount(k.stillOwed.count)} still owed
              {canManage ? (
                <>
                  {' '}
                  ·{' '}
                  <a href={`/api/v1/outages/${encodeURIComponent(outageRef)}/affected-customers?status=owed`} download>
                    all as CSV
                  </a>
                </>
              ) : null}
            </caption>
            <thead>
              <tr>
                <th>Account</th>
                <th>Postcode</th>
                <th>Region</th>
                <th className={styles.num}>Monthly fee</th>
                <th className={styles.num}>Legal minimum</th>
                <th className={styles.num}>Owed</th>
                <th>Why</th>
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
