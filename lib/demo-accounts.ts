import type { Role } from './vocabularies';

/** Printed by `npm start` and listed on /login, only while the app runs on its demo data. */
export const DEMO_PASSWORD = 'holdfast-demo';

export const DEMO_LOGINS: readonly { email: string; role: Role; description: string }[] = [
  { email: 'manager@holdfast.demo', role: 'manager', description: 'national care manager' },
  { email: 'manager.mad@holdfast.demo', role: 'manager', description: 'Madrid regional manager' },
  { email: 'rep@holdfast.demo', role: 'rep', description: 'billing rep, Madrid' },
  { email: 'retention@holdfast.demo', role: 'rep', description: 'retention rep, Madrid' },
  { email: 'analyst@holdfast.demo', role: 'analyst', description: 'analyst (read-only, exports)' },
  { email: 'admin@holdfast.demo', role: 'admin', description: 'administrator' },
];
