'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc/react';

export function UsersTable() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.users.queryOptions());
  return (
    <table className="data" aria-label="Users">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th>Role</th>
          <th>Region</th>
          <th>Team</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {data.map((u) => (
          <tr key={u.id}>
            <td>{u.name}</td>
            <td>{u.email}</td>
            <td>{u.role}</td>
            <td>{u.regionCode ?? 'all'}</td>
            <td>{u.team ?? '—'}</td>
            <td>{!u.active ? 'inactive' : u.canSignIn ? 'active' : 'no password set'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
