'use client';
import { ErrorState } from '@/components/ui/error-state';

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="login-wrap">
      <ErrorState error={error} reset={reset} />
    </div>
  );
}
