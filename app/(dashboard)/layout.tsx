import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { SetupPending } from '@/components/auth/setup-pending';
import { AppShell } from '@/components/shell/app-shell';
import { TRPCReactProvider } from '@/lib/trpc/react';
import { requireUser } from '@/server/auth/guards';
import { loadSetupNeeded } from '@/server/loaders/setup-state';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  if (await loadSetupNeeded()) return <SetupPending />;
  const user = await requireUser();
  return (
    <NuqsAdapter>
      <TRPCReactProvider>
        <AppShell user={user}>{children}</AppShell>
      </TRPCReactProvider>
    </NuqsAdapter>
  );
}
