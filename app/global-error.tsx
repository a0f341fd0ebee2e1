'use client';
import './globals.css';
import { ErrorState } from '@/components/ui/error-state';

/** When the root layout itself failed: the page has no layout left, so this one brings <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <div className="login-wrap">
          <ErrorState error={error} reset={reset} />
        </div>
      </body>
    </html>
  );
}
