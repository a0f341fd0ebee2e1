'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MutationError } from '@/components/ui/mutation-error';
import {
  EXPORT_CADENCES,
  SCHEDULE_PERIOD_LABELS,
  SCHEDULE_PERIODS,
  WEEKDAY_LABELS,
  type ExportScheduleCreateInput,
} from '@/lib/schemas/export-schedules';
import { EXPORT_DATASET_INFO, EXPORT_DATASETS, EXPORT_FORMATS } from '@/lib/schemas/exports';
import { useTRPC } from '@/lib/trpc/react';
import styles from './export-schedules.module.css';
import type { ScheduleRow } from './describe';

export interface RegionOption {
  code: string;
  name: string;
}

const CADENCE_LABELS = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' } as const;

function initialValues(row: ScheduleRow | null, pinnedRegion: string | null): ExportScheduleCreateInput {
  if (row) {
    return {
      name: row.name,
      dataset: row.dataset,
      format: row.format,
      filters: row.filters,
      timing: row.timing,
      recipientIds: row.recipients.map((r) => r.id),
    };
  }
  return {
    name: '',
    dataset: 'disputes',
    format: 'csv',
    filters: { period: 'last_7_days', region: pinnedRegion, rep: null },
    timing: { cadence: 'weekly', hour: 7, weekday: 1, dayOfMonth: null },
    recipientIds: [],
  };
}

/**
 * Creates a schedule, or edits `editing`. The region is fixed for a regional manager; recipients
 * are those the server offers (the owner's scope), and the server checks both again.
 */
export function ScheduleForm({
  editing,
  regions,
  pinnedRegion,
  timezone,
  onDone,
}: {
  editing: ScheduleRow | null;
  regions: readonly RegionOption[];
  pinnedRegion: string | null;
  timezone: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: people } = useSuspenseQuery(trpc.exportSchedules.recipientOptions.queryOptions());
  const [values, setValues] = useState(() => initialValues(editing, pinnedRegion));
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.exportSchedules.list.queryKey() });
    onDone();
  };
  const create = useMutation(trpc.exportSchedules.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.exportSchedules.update.mutationOptions({ onSuccess }));
  const pending = create.isPending || update.isPending;
  const repApplies = EXPORT_DATASET_INFO[values.dataset].rep !== null;

  const set = (patch: Partial<ExportScheduleCreateInput>) => setValues((v) => ({ ...v, ...patch }));
  const setFilters = (patch: Partial<ExportScheduleCreateInput['filters']>) =>
    setValues((v) => ({ ...v, filters: { ...v.filters, ...patch } }));
  const setTiming = (patch: Partial<ExportScheduleCreateInput['timing']>) =>
    setValues((v) => {
      const timing = { ...v.timing, ...patch };
      return {
        ...v,
        timing: {
          ...timing,
          weekday: timing.cadence === 'weekly' ? (timing.weekday ?? 1) : null,
          dayOfMonth: timing.cadence === 'monthly' ? (timing.dayOfMonth ?? 1) : null,
        },
      };
    });
  const toggleRecipient = (id: number, on: boolean) =>
    set({ recipientIds: on ? [...values.recipientIds, id] : values.recipientIds.filter((r) => r !== id) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, filters: { ...values.filters, rep: repApplies ? values.filters.rep : null } };
    if (editing) update.mutate({ id: editing.id, ...input });
    else create.mutate(input);
  }

  const formId = editing ? `schedule-${editing.id}` : 'schedule-new';
  return (
    <form className={`card ${styles.form}`} onSubmit={submit} aria-label={editing ? `Edit ${editing.name}` : 'New schedule'}>
      <h2>{editing ? `Edit “${editing.name}”` : 'New schedule'}</h2>
      <div className="field">
        <label htmlFor={`${formId}-name`}>Name</label>
        <input id={`${formId}-name`} required maxLength={80} value={values.name} onChange={(e) => set({ name: e.target.value })} />
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${formId}-dataset`}>Dataset</label>
          <select
            id={`${formId}-dataset`}
            value={values.dataset}
            onChange={(e) => set({ dataset: e.target.value as ExportScheduleCreateInput['dataset'] })}
          >
            {EXPORT_DATASETS.map((d) => (
              <option key={d} value={d}>
                {EXPORT_DATASET_INFO[d].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-format`}>Format</label>
          <select
            id={`${formId}-format`}
            value={values.format}
            onChange={(e) => set({ format: e.target.value as ExportScheduleCreateInput['format'] })}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-period`}>Rows of</label>
          <select
            id={`${formId}-period`}
            value={values.filters.period}
            onChange={(e) => setFilters({ period: e.target.value as ExportScheduleCreateInput['filters']['period'] })}
          >
            {SCHEDULE_PERIODS.map((p) => (
              <option key={p} value={p}>
                {SCHEDULE_PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${formId}-region`}>Region</label>
          <select
            id={`${formId}-region`}
            value={values.filters.region ?? ''}
            disabled={pinnedRegion !== null}
            onChange={(e) => setFilters({ region: e.target.value || null })}
          >
            {pinnedRegion === null ? <option value="">All regions</option> : null}
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.code} — {r.name}
              </option>
            ))}
          </select>
        </div>
        {repApplies ? (
          <div className="field">
            <label htmlFor={`${formId}-rep`}>Rep (email, optional)</label>
            <input
              id={`${formId}-rep`}
              type="email"
              value={values.filters.rep ?? ''}
              onChange={(e) => setFilters({ rep: e.target.value.trim() || null })}
            />
          </div>
        ) : null}
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${formId}-cadence`}>Cadence</label>
          <select
            id={`${formId}-cadence`}
            value={values.timing.cadence}
            onChange={(e) => setTiming({ cadence: e.target.value as ExportScheduleCreateInput['timing']['cadence'] })}
          >
            {EXPORT_CADENCES.map((c) => (
              <option key={c} value={c}>
                {CADENCE_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        {values.timing.cadence === 'weekly' ? (
          <div className="field">
            <label htmlFor={`${formId}-weekday`}>On</label>
            <select
              id={`${formId}-weekday`}
              value={values.timing.weekday ?? 1}
              onChange={(e) => setTiming({ weekday: Number(e.target.value) })}
            >
              {WEEKDAY_LABELS.map((label, i) => (
                <option key={label} value={i + 1}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {values.timing.cadence === 'monthly' ? (
          <div className="field">
            <label htmlFor={`${formId}-day`}>Day of the month</label>
            <select
              id={`${formId}-day`}
              value={values.timing.dayOfMonth ?? 1}
              onChange={(e) => setTiming({ dayOfMonth: Number(e.target.value) })}
            >
              {Array.from({ length: 28 }, (_, i) => i + 1).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${formId}-hour`}>At ({timezone})</label>
          <select id={`${formId}-hour`} value={values.timing.hour} onChange={(e) => setTiming({ hour: Number(e.target.value) })}>
            {Array.from({ length: 24 }, (_, h) => h).map((h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className={styles.recipients}>
        <legend>Recipients</legend>
        {people.length === 0 ? <p className="muted">Nobody you may send exports to.</p> : null}
        {people.map((p) => (
          <label key={p.id} className={styles.recipient}>
            <input
              type="checkbox"
              checked={values.recipientIds.includes(p.id)}
              onChange={(e) => toggleRecipient(p.id, e.target.checked)}
            />
            {p.name} <span className="muted">{p.email}</span>
          </label>
        ))}
      </fieldset>
      <MutationError error={create.error ?? update.error} />
      <div className={styles.actions}>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save changes' : 'Create schedule'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
