import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { compensations, customers, disputes, outages, retentionCases, users } from '@/db/schema';

/**
 * The aliases every metric, drill-down list and export query uses (`from disputes d join customers c …`),
 * so a rule written against them fits each of those queries.
 */
export const c = alias(customers, 'c');
export const d = alias(disputes, 'd');
export const r = alias(retentionCases, 'r');
export const k = alias(compensations, 'k');
export const o = alias(outages, 'o');
export const u = alias(users, 'u');
