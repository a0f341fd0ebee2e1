import { z } from 'zod';

/** The largest PostgreSQL `integer`: every serial id and version column stops here. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** A row id (serial) or version: a larger number names no row and would only make the query fail. */
export const rowIdSchema = z.number().int().positive().max(PG_INTEGER_MAX, 'That id is out of range.');
