'use client';
import { ErrorState } from '@/components/ui/error-state';

/** Inside the dashboard shell: the navigation stays usable while this page failed. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState error={error} reset={reset} />;
}
