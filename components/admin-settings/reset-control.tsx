'use client';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { RouterOutputs } from '@/lib/trpc/types';

type Changed = RouterOutputs['adminSettings']['get']['changed'][number];

/** Who set a stored value and when, with a button that puts the default back. */
export function ResetControl({
  changed,
  timezone,
  label,
  busy,
  onReset,
}: {
  changed: Changed | undefined;
  timezone: string;
  label: string;
  busy: boolean;
  onReset: () => void;
}) {
  const t = useTranslations('adminSettings');
  const f = useFormat();
  if (!changed) return null;
  return (
    <>
      <span>
        {t('setAt', { at: f.instant(changed.updatedAt, timezone) })}
        {changed.updatedBy ? t('setBy', { who: changed.updatedBy }) : ''}
      </span>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={busy}
        aria-label={t('resetLabel', { label })}
        onClick={onReset}
      >
        {t('reset')}
      </button>
    </>
  );
}
