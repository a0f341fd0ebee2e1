'use client';
import { useTranslations } from 'next-intl';
import type { KeyboardEvent } from 'react';
import { QUEUE_STATUSES, SLA_STATES, type QueueUrl } from '@/lib/schemas/queue';
import { DISPUTE_CAUSES } from '@/lib/vocabularies';
import { useWords } from '@/components/ui/vocab';
import type { Assignee } from './types';

export type QueueUrlPatch = Partial<{ [K in keyof QueueUrl]: QueueUrl[K] | null }>;

const SLA_LABELS = { breached: 'breached', 'due-soon': 'dueSoon', 'on-track': 'onTrack' } as const;
const BILLS = [1, 2, 3, 4, 5, 6];

function AmountInput({
  label,
  name,
  value,
  onCommit,
}: {
  label: string;
  name: string;
  value: number | null;
  onCommit: (value: number | null) => void;
}) {
  const t = useTranslations('queue.filters');
  const commit = (raw: string) => {
    const text = raw.trim().replace(',', '.');
    if (text === '') return value === null ? undefined : onCommit(null);
    const parsed = Number(text);
    if (Number.isFinite(parsed) && parsed !== value) onCommit(parsed);
  };
  return (
    <label>
      {label}
      <input
        // Re-mounted when the URL changes (Back, a saved view), so the box shows the URL's value.
        key={value ?? ''}
        name={name}
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        defaultValue={value ?? ''}
        placeholder={t('anyAmount')}
        size={8}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}

/** The queue's filters, read from and written to the URL. */
export function QueueFilterBar({
  values,
  onChange,
  assignees,
  currency,
  busy,
}: {
  values: QueueUrl;
  onChange: (patch: QueueUrlPatch) => void;
  /** Null for a rep: their queue is always their own. */
  assignees: readonly Assignee[] | null;
  currency: string;
  busy: boolean;
}) {
  const t = useTranslations('queue');
  const words = useWords();
  const set = (patch: QueueUrlPatch) => onChange({ ...patch, page: null });
  const filtered = [values.status, values.cause, values.sla, values.bill, values.min, values.max, values.assignee].some(
    (v) => v !== null,
  );
  const bills = values.bill !== null && !BILLS.includes(values.bill) ? [...BILLS, values.bill] : BILLS;
  return (
    <form className="filters" aria-label={t('filters.label')} aria-busy={busy} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filters.status')}
        <select
          name="status"
          value={values.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || null) as QueueUrl['status'] })}
        >
          <option value="">{t('filters.allOpen')}</option>
          {QUEUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {words('disputeStatus', s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.cause')}
        <select
          name="cause"
          value={values.cause ?? ''}
          onChange={(e) => set({ cause: (e.target.value || null) as QueueUrl['cause'] })}
        >
          <option value="">{t('filters.allCauses')}</option>
          {DISPUTE_CAUSES.map((c) => (
            <option key={c} value={c}>
              {words('disputeCause', c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.sla')}
        <select
          name="sla"
          value={values.sla ?? ''}
          onChange={(e) => set({ sla: (e.target.value || null) as QueueUrl['sla'] })}
        >
          <option value="">{t('filters.any')}</option>
          {SLA_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`counts.${SLA_LABELS[s]}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.bill')}
        <select
          name="bill"
          value={values.bill ?? ''}
          onChange={(e) => set({ bill: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('filters.anyBill')}</option>
          {bills.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? t('filters.firstBillOnly') : t('filters.billN', { n })}
            </option>
          ))}
        </select>
      </label>
      <AmountInput
        label={t('filters.amountFrom', { currency })}
        name="min"
        value={values.min}
        onCommit={(min) => set({ min })}
      />
      <AmountInput
        label={t('filters.amountTo', { currency })}
        name="max"
        value={values.max}
        onCommit={(max) => set({ max })}
      />
      {assignees ? (
        <label>
          {t('filters.assignee')}
          <select
            name="assignee"
            value={values.assignee ?? ''}
            onChange={(e) => set({ assignee: e.target.value || null })}
          >
            <option value="">{t('filters.everyone')}</option>
            <option value="unassigned">{t('filters.unassigned')}</option>
            {assignees.map((a) => (
              <option key={a.email} value={a.email}>
                {a.name}
              </option>
            ))}
            {values.assignee &&
            values.assignee !== 'unassigned' &&
            !assignees.some((a) => a.email === values.assignee) ? (
              <option value={values.assignee}>{values.assignee}</option>
            ) : null}
          </select>
        </label>
      ) : null}
      {filtered ? (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() =>
            set({ status: null, cause: null, sla: null, bill: null, min: null, max: null, assignee: null })
          }
        >
          {t('filters.clear')}
        </button>
      ) : null}
    </form>
  );
}
