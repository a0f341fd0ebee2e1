'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import { CreateUserForm } from './create-user-form';
import { OneTimeLink, type ShownLink } from './one-time-link';
import type { RegionOption } from './user-fields';
import { UserRow } from './user-row';

/** The staff list with its actions; a link issued by any of them is shown once, above the table. */
export function UsersTable({ regions, currentUserId }: { regions: readonly RegionOption[]; currentUserId: number }) {
  const trpc = useTRPC();
  const t = useTranslations('adminUsers.table');
  const { data } = useSuspenseQuery(trpc.admin.users.queryOptions());
  const [shown, setShown] = useState<ShownLink | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <CreateUserForm regions={regions} onLink={setShown} />
      {shown ? <OneTimeLink shown={shown} onDismiss={() => setShown(null)} /> : null}
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data" aria-label={t('label')}>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('region')}</th>
              <th scope="col">{t('team')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">
                <span className="muted">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isSelf={user.id === currentUserId}
                regions={regions}
                onLink={setShown}
                onError={setProblem}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
