import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { TRPCReactProvider } from '@/lib/trpc/react';
import { requireUser } from '@/server/auth/guards';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <NuqsAdapter>
      <TRPCReactProvider>
        <AppShell user={user}>{children}</AppShell>
      </TRPCReactProvider>
    </NuqsAdapter>
  );
}
