'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/react';
import { CreateUserForm } from './create-user-form';
import { OneTimeLink, type ShownLink } from './one-time-link';
import type { RegionOption } from './user-fields';
import { UserRow } from './user-row';

/** The staff list with its actions; a link issued by any of them is shown once, above the table. */
export function UsersTable({ regions, currentUserId }: { regions: readonly RegionOption[]; currentUserId: number }) {
  const trpc = useTRPC();
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
        <table className="data" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Region</th>
              <th scope="col">Team</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="muted">Actions</span>
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
