'use client';
import { useTranslations } from 'next-intl';
import { MutationError } from '@/components/ui/mutation-error';

interface MutationLike {
  error: { message: string; data?: { code?: string } | null } | null;
  isPending: boolean;
  reset: () => void;
}

/** The end of every action form: what is wrong with the input, what the server refused, and submit. */
export function FormFooter({
  problem,
  mutation,
  refresh,
  label,
  pendingLabel,
  buttonClass = 'btn',
}: {
  problem: string | null;
  mutation: MutationLike;
  refresh: () => Promise<unknown>;
  label: string;
  pendingLabel?: string;
  buttonClass?: string;
}) {
  const t = useTranslations('disputeCase');
  return (
    <>
      {problem ? <p className="error">{problem}</p> : null}
      <MutationError
        error={mutation.error}
        onReload={() => {
          mutation.reset();
          void refresh();
        }}
      />
      <div>
        <button type="submit" className={buttonClass} disabled={mutation.isPending}>
          {mutation.isPending ? (pendingLabel ?? t('saving')) : label}
        </button>
      </div>
    </>
  );
}
