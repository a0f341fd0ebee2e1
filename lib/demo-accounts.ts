import type { Role } from './vocabularies';

/** Printed by `npm start` and listed on /login, only while the app runs on its demo data. */
export const DEMO_PASSWORD = 'holdfast-demo';

/** `key` names the description in the `auth.demo.accounts` messages; `description` is for the console. */
export const DEMO_LOGINS: readonly {
  email: string;
  role: Role;
  key: 'manager' | 'managerMad' | 'rep' | 'retention' | 'analyst' | 'admin';
  description: string;
}[] = [
  { email: 'manager@holdfast.demo', key: 'manager', role: 'manager', description: 'national care manager' },
  { email: 'manager.mad@holdfast.demo', key: 'managerMad', role: 'manager', description: 'Madrid regional manager' },
  { email: 'rep@holdfast.demo', key: 'rep', role: 'rep', description: 'billing rep, Madrid' },
  { email: 'retention@holdfast.demo', key: 'retention', role: 'rep', description: 'retention rep, Madrid' },
  { email: 'analyst@holdfast.demo', key: 'analyst', role: 'analyst', description: 'analyst (read-only, exports)' },
  { email: 'admin@holdfast.demo', key: 'admin', role: 'admin', description: 'administrator' },
];
