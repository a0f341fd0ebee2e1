'use client';
import { formatZonedInstant } from '@/lib/format';
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
  if (!changed) return null;
  return (
    <>
      <span>
        Set {formatZonedInstant(changed.updatedAt, timezone)}
        {changed.updatedBy ? ` by ${changed.updatedBy}` : ''}
      </span>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={busy}
        aria-label={`Reset to default: ${label}`}
        onClick={onReset}
      >
        Reset to default
      </button>
    </>
  );
}
