'use client';
import { formatZonedInstant } from '@/lib/format';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  disputeBasis,
  effectiveSort,
  retentionBasis,
  type CaseSort,
  type CasesRequest,
  type ChurnedCustomersQuery,
  type CompensationCasesQuery,
  type DisputeCasesQuery,
  type RetentionCasesQuery,
} from '@/lib/schemas/cases';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { CasesTable, type CaseColumn } from './cases-table';
import { AccountRef, Money, Person, Ref, words } from './cells';
import styles from './cases.module.css';

type Lists = RouterOutputs['cases'];
type DisputeRow = Lists['disputes']['rows'][number];
type RetentionRow = Lists['retentionCases']['rows'][number];
type ChurnedRow = Lists['churnedCustomers']['rows'][number];
type CompensationRow = Lists['compensations']['rows'][number];

interface Display {
  timezone: string;
  currency: string;
}

const when = (value: Date | null, { timezone }: Display) => (
  <span className={styles.nowrap}>{formatZonedInstant(value, timezone)}</span>
);

function disputeColumns(d: Display): CaseColumn<DisputeRow, CaseSort<'disputes'>>[] {
  return [
    { id: 'ref', header: 'Ref', cell: (r) => <Ref value={r.ref} /> },
    { id: 'account', header: 'Account', cell: (r) => <AccountRef value={r.account} /> },
    { id: 'region', header: 'Region', cell: (r) => r.region },
    { id: 'cause', header: 'Cause', cell: (r) => words(r.cause) },
    {
      id: 'amount',
      header: 'Amount',
      numeric: true,
      cell: (r) => <Money cents={r.amountCents} currency={d.currency} />,
    },
    { id: 'status', header: 'Status', cell: (r) => words(r.status) },
    {
      id: 'rep',
      header: 'Assigned rep',
      cell: (r) => <Person name={r.repName} email={r.repEmail} fallback="unassigned" />,
    },
    { id: 'billNumber', header: 'Bill #', numeric: true, cell: (r) => r.billNumber ?? '—' },
    { id: 'opened', header: 'Opened', cell: (r) => when(r.openedAt, d) },
    { id: 'resolved', header: 'Resolved', cell: (r) => when(r.resolvedAt, d) },
    {
      id: 'hoursToResolve',
      header: 'Hours to resolve',
      numeric: true,
      cell: (r) => (r.hoursToResolve === null ? '—' : r.hoursToResolve.toFixed(1)),
    },
    {
      id: 'credited',
      header: 'Credited',
      numeric: true,
      cell: (r) => <Money cents={r.creditedCents} currency={d.currency} />,
    },
  ];
}

function retentionColumns(d: Display): CaseColumn<RetentionRow, CaseSort<'retention-cases'>>[] {
  return [
    { id: 'ref', header: 'Ref', cell: (r) => <Ref value={r.ref} /> },
    { id: 'account', header: 'Account', cell: (r) => <AccountRef value={r.account} /> },
    { id: 'rep', header: 'Rep', cell: (r) => <Person name={r.repName} email={r.repEmail} /> },
    { id: 'reason', header: 'Reason', cell: (r) => words(r.reason) },
    { id: 'offerType', header: 'Offer', cell: (r) => words(r.offerType) },
    { id: 'outcome', header: 'Outcome', cell: (r) => r.outcome },
    {
      id: 'mrrAtRisk',
      header: 'MRR at risk',
      numeric: true,
      cell: (r) => <Money cents={r.mrrAtRiskCents} currency={d.currency} />,
    },
    {
      id: 'discount',
      header: 'Discount / month',
      numeric: true,
      cell: (r) =>
        r.discountCents === 0 ? (
          '—'
        ) : (
          <>
            <Money cents={r.discountCents} currency={d.currency} />
            {r.offerMonths > 0 ? <span className="muted"> × {r.offerMonths}</span> : null}
          </>
        ),
    },
    { id: 'opened', header: 'Opened', cell: (r) => when(r.openedAt, d) },
    { id: 'closed', header: 'Closed', cell: (r) => when(r.closedAt, d) },
  ];
}

function churnedColumns(d: Display): CaseColumn<ChurnedRow, CaseSort<'churned-customers'>>[] {
  const day = (value: Date | null) => (
    <span className={styles.nowrap}>{formatZonedInstant(value, d.timezone, false)}</span>
  );
  return [
    { id: 'account', header: 'Account', cell: (r) => <AccountRef value={r.account} /> },
    { id: 'region', header: 'Region', cell: (r) => r.region },
    { id: 'plan', header: 'Plan', cell: (r) => r.plan ?? '—' },
    {
      id: 'fee',
      header: 'Monthly fee',
      numeric: true,
      cell: (r) => <Money cents={r.feeCents} currency={d.currency} />,
    },
    { id: 'activated', header: 'Activated', cell: (r) => day(r.activatedAt) },
    { id: 'churned', header: 'Churned', cell: (r) => day(r.churnedAt) },
    { id: 'category', header: 'Category', cell: (r) => words(r.category) },
    { id: 'competitor', header: 'Competitor', cell: (r) => r.competitor || '—' },
    { id: 'soldBy', header: 'Sold by', cell: (r) => <Person name={r.soldByName} email={r.soldByEmail} /> },
  ];
}

function compensationColumns(d: Display): CaseColumn<CompensationRow, CaseSort<'compensations'>>[] {
  return [
    { id: 'ref', header: 'Ref', cell: (r) => <Ref value={r.ref} /> },
    { id: 'account', header: 'Account', cell: (r) => <AccountRef value={r.account} /> },
    { id: 'region', header: 'Region', cell: (r) => r.region },
    { id: 'kind', header: 'Kind', cell: (r) => words(r.kind) },
    {
      id: 'amount',
      header: 'Amount',
      numeric: true,
      cell: (r) => <Money cents={r.amountCents} currency={d.currency} />,
    },
    { id: 'issued', header: 'Issued', cell: (r) => when(r.issuedAt, d) },
    {
      id: 'issuer',
      header: 'Issued by',
      cell: (r) => <Person name={r.issuerName} email={r.issuerEmail} fallback="automatic" />,
    },
    {
      id: 'linked',
      header: 'For',
      cell: (r) => {
        const [kind, ref] = r.retentionCaseRef
          ? ['case', r.retentionCaseRef]
          : r.disputeRef
            ? ['dispute', r.disputeRef]
            : r.outageRef
              ? ['outage', r.outageRef]
              : [null, null];
        return kind ? (
          <>
            <span className="muted">{kind} </span>
            <Ref value={ref} />
          </>
        ) : (
          <span className="muted">—</span>
        );
      },
    },
  ];
}

function DisputeCases({ input, display }: { input: DisputeCasesQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.disputes.queryOptions(input));
  const columns = useMemo(() => disputeColumns(display), [display]);
  const order = effectiveSort('disputes', input, disputeBasis(input));
  return <CasesTable label="Disputes" noun="disputes" columns={columns} {...data} page={input.page} {...order} />;
}

function RetentionCases({ input, display }: { input: RetentionCasesQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.retentionCases.queryOptions(input));
  const columns = useMemo(() => retentionColumns(display), [display]);
  const order = effectiveSort('retention-cases', input, retentionBasis(input));
  return <CasesTable label="Retention cases" noun="cases" columns={columns} {...data} page={input.page} {...order} />;
}

function ChurnedCustomers({ input, display }: { input: ChurnedCustomersQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.churnedCustomers.queryOptions(input));
  const columns = useMemo(() => churnedColumns(display), [display]);
  const order = effectiveSort('churned-customers', input);
  return (
    <CasesTable label="Churned customers" noun="customers" columns={columns} {...data} page={input.page} {...order} />
  );
}

function CompensationCases({ input, display }: { input: CompensationCasesQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.compensations.queryOptions(input));
  const columns = useMemo(() => compensationColumns(display), [display]);
  const order = effectiveSort('compensations', input);
  return (
    <CasesTable label="Compensations" noun="compensations" columns={columns} {...data} page={input.page} {...order} />
  );
}

/** The list a drill-down URL asks for, with the input the page prefetched. */
export function CasesList({
  request,
  timezone,
  currency,
}: {
  request: CasesRequest;
  timezone: string;
  currency: string;
}) {
  const display = useMemo(() => ({ timezone, currency }), [timezone, currency]);
  switch (request.dataset) {
    case 'disputes':
      return <DisputeCases input={request.input} display={display} />;
    case 'retention-cases':
      return <RetentionCases input={request.input} display={display} />;
    case 'churned-customers':
      return <ChurnedCustomers input={request.input} display={display} />;
    case 'compensations':
      return <CompensationCases input={request.input} display={display} />;
  }
}
