'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';

const POLL_MS = 5_000;

type Database = 'checking' | 'reachable' | 'unreachable';

/**
 * What an error boundary shows. It asks /api/health whether the database is reachable: during an
 * outage it says so and reloads the page by itself once the database answers; otherwise it shows
 * the error id (Next's digest, which the server log carries) and a "Try again" button.
 */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const t = useTranslations('ui.errorState');
  const [database, setDatabase] = useState<Database>('checking');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    const check = async () => {
      const status = await fetch('/api/health', { cache: 'no-store' }).then(
        (r) => r.status,
        () => 0,
      );
      if (stopped) return;
      if (status === 200) {
        setDatabase('reachable');
        // Back after an outage: render the page again.
        if (wasDown)
          startTransition(() => {
            router.refresh();
            reset();
          });
        return;
      }
      wasDown = true;
      setDatabase('unreachable');
      timer = setTimeout(() => void check(), POLL_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reset, router]);

  if (database === 'unreachable') {
    return (
      <div role="alert" className="card" data-testid="database-unavailable">
        <h1>{t('unreachableTitle')}</h1>
        <p>{t('unreachableBody')}</p>
      </div>
    );
  }
  const id = error.digest;
  return (
    <div role="alert" className="card" data-testid="unexpected-error">
      <h1>{t('title')}</h1>
      <p>
        {t('body')} {id ? t.rich('errorId', { id, code: (chunks) => <code>{chunks}</code> }) : null}
      </p>
      <button
        type="button"
        className="btn"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t('retry')}
      </button>
    </div>
  );
}
