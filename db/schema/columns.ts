import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** An instant, always stored with its time zone. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Money as integer cents. */
export const cents = (name: string) => bigint(name, { mode: 'number' });
