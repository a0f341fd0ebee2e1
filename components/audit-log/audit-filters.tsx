'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SYSTEM_ACTOR, type AuditUrl } from '@/lib/schemas/audit-log';
import type { RouterOutputs } from '@/lib/trpc/types';

type Facets = RouterOutputs['auditLog']['facets'];
export type AuditUrlPatch = Partial<{ [K in keyof AuditUrl]: AuditUrl[K] | null }>;

const FILTER_KEYS = ['actor', 'entity', 'id', 'action', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** Choices for a select, keeping a value from the URL that the log no longer holds. */
const withCurrent = (values: readonly string[], current: string | null) =>
  current !== null && !values.includes(current) ? [...values, current] : values;

/** The audit filters: chosen here, applied together (a real navigation, so Back and shared links work). */
export function AuditFilters({
  values,
  facets,
  busy,
  onApply,
}: {
  values: AuditUrl;
  facets: Facets;
  busy: boolean;
  onApply: (patch: AuditUrlPatch) => void;
}) {
  const t = useTranslations('auditLog.filters');
  const [draft, setDraft] = useState<Record<FilterKey, string>>(
    () => Object.fromEntries(FILTER_KEYS.map((key) => [key, values[key] ?? ''])) as Record<FilterKey, string>,
  );
  const set = (key: FilterKey, value: string) => setDraft({ ...draft, [key]: value });
  const actorEmails = facets.actors.map((a) => a.email);
  const filtered = FILTER_KEYS.some((key) => values[key] !== null);
  return (
    <form
      className="filters"
      aria-label={t('label')}
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...Object.fromEntries(FILTER_KEYS.map((key) => [key, draft[key].trim() || null])), page: null });
      }}
    >
      <label>
        {t('who')}
        <select name="actor" value={draft.actor} onChange={(e) => set('actor', e.target.value)}>
          <option value="">{t('anyone')}</option>
          {facets.hasSystemRows || values.actor === SYSTEM_ACTOR ? (
            <option value={SYSTEM_ACTOR}>{t('system')}</option>
          ) : null}
          {withCurrent(actorEmails, values.actor === SYSTEM_ACTOR ? null : values.actor).map((email) => {
            const actor = facets.actors.find((a) => a.email === email);
            return (
              <option key={email} value={email}>
                {actor ? `${actor.name} (${email})` : email}
              </option>
            );
          })}
        </select>
      </label>
      <label>
        {t('entity')}
        <select name="entity" value={draft.entity} onChange={(e) => set('entity', e.target.value)}>
          <option value="">{t('any')}</option>
          {withCurrent(facets.entities, values.entity).map((entity) => (
            <option key={entity}>{entity}</option>
          ))}
        </select>
      </label>
      <label>
        {t('entityId')}
        <input
          name="id"
          value={draft.id}
          size={14}
          placeholder={t('anyId')}
          onChange={(e) => set('id', e.target.value)}
        />
      </label>
      <label>
        {t('action')}
        <select name="action" value={draft.action} onChange={(e) => set('action', e.target.value)}>
          <option value="">{t('any')}</option>
          {withCurrent(facets.actions, values.action).map((action) => (
            <option key={action}>{action}</option>
          ))}
        </select>
      </label>
      <label>
        {t('from')}
        <input type="date" name="from" value={draft.from} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        {t('to')}
        <input type="date" name="to" value={draft.to} onChange={(e) => set('to', e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={busy}>
        {t('apply')}
      </button>
      {filtered ? (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={busy}
          onClick={() => onApply(Object.fromEntries([...FILTER_KEYS, 'page'].map((key) => [key, null])))}
        >
          {t('clear')}
        </button>
      ) : null}
    </form>
  );
}
