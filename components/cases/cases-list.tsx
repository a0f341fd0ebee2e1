'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { useWords, type Words } from '@/components/ui/vocab';
import type { Formats } from '@/lib/format';
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
import { AccountRef, Money, Person, Ref } from './cells';
import type { CasesTranslator } from './describe-cases';
import styles from './cases.module.css';

type Lists = RouterOutputs['cases'];
type DisputeRow = Lists['disputes']['rows'][number];
type RetentionRow = Lists['retentionCases']['rows'][number];
type ChurnedRow = Lists['churnedCustomers']['rows'][number];
type CompensationRow = Lists['compensations']['rows'][number];

interface Display {
  timezone: string;
  currency: string;
  t: CasesTranslator;
  words: Words;
  f: Formats;
}

const when = (value: Date | null, { timezone, f }: Display) => (
  <span className={styles.nowrap}>{f.instant(value, timezone)}</span>
);

function disputeColumns(d: Display): CaseColumn<DisputeRow, CaseSort<'disputes'>>[] {
  const { t, words } = d;
  return [
    { id: 'ref', header: t('columns.ref'), cell: (r) => <Ref value={r.ref} /> },
    { id: 'account', header: t('columns.account'), cell: (r) => <AccountRef value={r.account} /> },
    { id: 'region', header: t('columns.region'), cell: (r) => r.region },
    { id: 'cause', header: t('columns.cause'), cell: (r) => words('disputeCause', r.cause) },
    {
      id: 'amount',
      header: t('columns.amount'),
      numeric: true,
      cell: (r) => <Money cents={r.amountCents} currency={d.currency} />,
    },
    { id: 'status', header: t('columns.status'), cell: (r) => words('disputeStatus', r.status) },
    {
      id: 'rep',
      header: t('columns.assignedRep'),
      cell: (r) => <Person name={r.repName} email={r.repEmail} fallback={t('unassigned')} />,
    },
    { id: 'billNumber', header: t('columns.billNumber'), numeric: true, cell: (r) => r.billNumber ?? '—' },
    { id: 'opened', header: t('columns.opened'), cell: (r) => when(r.openedAt, d) },
    { id: 'resolved', header: t('columns.resolved'), cell: (r) => when(r.resolvedAt, d) },
    {
      id: 'hoursToResolve',
      header: t('columns.hoursToResolve'),
      numeric: true,
      cell: (r) => (r.hoursToResolve === null ? '—' : d.f.decimal(r.hoursToResolve, 1)),
    },
    {
      id: 'credited',
      header: t('columns.credited'),
      numeric: true,
      cell: (r) => <Money cents={r.creditedCents} currency={d.currency} />,
    },
  ];
}

function retentionColumns(d: Display): CaseColumn<RetentionRow, CaseSort<'retention-cases'>>[] {
  const { t, words } = d;
  return [
    { id: 'ref', header: t('columns.ref'), cell: (r) => <Ref value={r.ref} /> },
    { id: 'account', header: t('columns.account'), cell: (r) => <AccountRef value={r.account} /> },
    { id: 'rep', header: t('columns.rep'), cell: (r) => <Person name={r.repName} email={r.repEmail} /> },
    { id: 'reason', header: t('columns.reason'), cell: (r) => words('churnCategory', r.reason) },
    { id: 'offerType', header: t('columns.offer'), cell: (r) => words('offerType', r.offerType) },
    { id: 'outcome', header: t('columns.outcome'), cell: (r) => words('retentionOutcome', r.outcome) },
    {
      id: 'mrrAtRisk',
      header: t('columns.mrrAtRisk'),
      numeric: true,
      cell: (r) => <Money cents={r.mrrAtRiskCents} currency={d.currency} />,
    },
    {
      id: 'discount',
      header: t('columns.discount'),
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
    { id: 'opened', header: t('columns.opened'), cell: (r) => when(r.openedAt, d) },
    { id: 'closed', header: t('columns.closed'), cell: (r) => when(r.closedAt, d) },
  ];
}

function churnedColumns(d: Display): CaseColumn<ChurnedRow, CaseSort<'churned-customers'>>[] {
  const { t, words } = d;
  const day = (value: Date | null) => <span className={styles.nowrap}>{d.f.instant(value, d.timezone, false)}</span>;
  return [
    { id: 'account', header: t('columns.account'), cell: (r) => <AccountRef value={r.account} /> },
    { id: 'region', header: t('columns.region'), cell: (r) => r.region },
    { id: 'plan', header: t('columns.plan'), cell: (r) => r.plan ?? '—' },
    {
      id: 'fee',
      header: t('columns.fee'),
      numeric: true,
      cell: (r) => <Money cents={r.feeCents} currency={d.currency} />,
    },
    { id: 'activated', header: t('columns.activated'), cell: (r) => day(r.activatedAt) },
    { id: 'churned', header: t('columns.churned'), cell: (r) => day(r.churnedAt) },
    { id: 'category', header: t('columns.category'), cell: (r) => words('churnCategory', r.category) },
    { id: 'competitor', header: t('columns.competitor'), cell: (r) => r.competitor || '—' },
    { id: 'soldBy', header: t('columns.soldBy'), cell: (r) => <Person name={r.soldByName} email={r.soldByEmail} /> },
  ];
}

function compensationColumns(d: Display): CaseColumn<CompensationRow, CaseSort<'compensations'>>[] {
  const { t, words } = d;
  return [
    { id: 'ref', header: t('columns.ref'), cell: (r) => <Ref value={r.ref} /> },
    { id: 'account', header: t('columns.account'), cell: (r) => <AccountRef value={r.account} /> },
    { id: 'region', header: t('columns.region'), cell: (r) => r.region },
    { id: 'kind', header: t('columns.kind'), cell: (r) => words('compensationKind', r.kind) },
    {
      id: 'amount',
      header: t('columns.amount'),
      numeric: true,
      cell: (r) => <Money cents={r.amountCents} currency={d.currency} />,
    },
    { id: 'issued', header: t('columns.issued'), cell: (r) => when(r.issuedAt, d) },
    {
      id: 'issuer',
      header: t('columns.issuer'),
      cell: (r) => <Person name={r.issuerName} email={r.issuerEmail} fallback={t('automatic')} />,
    },
    {
      id: 'linked',
      header: t('columns.linked'),
      cell: (r) => {
        const [kind, ref] = r.retentionCaseRef
          ? (['case', r.retentionCaseRef] as const)
          : r.disputeRef
            ? (['dispute', r.disputeRef] as const)
            : r.outageRef
              ? (['outage', r.outageRef] as const)
              : [null, null];
        return kind ? (
          <>
            <span className="muted">{t(`linkKind.${kind}`)} </span>
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
  return <CasesTable dataset="disputes" columns={columns} {...data} page={input.page} {...order} />;
}

function RetentionCases({ input, display }: { input: RetentionCasesQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.retentionCases.queryOptions(input));
  const columns = useMemo(() => retentionColumns(display), [display]);
  const order = effectiveSort('retention-cases', input, retentionBasis(input));
  return <CasesTable dataset="retention-cases" columns={columns} {...data} page={input.page} {...order} />;
}

function ChurnedCustomers({ input, display }: { input: ChurnedCustomersQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.churnedCustomers.queryOptions(input));
  const columns = useMemo(() => churnedColumns(display), [display]);
  const order = effectiveSort('churned-customers', input);
  return <CasesTable dataset="churned-customers" columns={columns} {...data} page={input.page} {...order} />;
}

function CompensationCases({ input, display }: { input: CompensationCasesQuery; display: Display }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.compensations.queryOptions(input));
  const columns = useMemo(() => compensationColumns(display), [display]);
  const order = effectiveSort('compensations', input);
  return <CasesTable dataset="compensations" columns={columns} {...data} page={input.page} {...order} />;
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
  const t = useTranslations('cases');
  const words = useWords();
  const f = useFormat();
  const display = useMemo(() => ({ timezone, currency, t, words, f }), [timezone, currency, t, words, f]);
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
