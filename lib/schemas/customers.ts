import { z } from 'zod';
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from '@/lib/search-limits';

/** One customer by account number (`/customers/[account]`). */
export const customerAccountInput = z.object({
  account: z
    .string()
    .trim()
    .min(1, 'An account number is required.')
    .max(64, 'Account numbers have at most 64 characters.'),
});

/** The header's search: account number, name, phone, or a dispute, retention or outage reference. */
export const globalSearchInput = z.object({
  q: z
    .string()
    .trim()
    .min(SEARCH_MIN_LENGTH, `Type at least ${SEARCH_MIN_LENGTH} characters.`)
    .max(SEARCH_MAX_LENGTH, `Search with at most ${SEARCH_MAX_LENGTH} characters.`),
});
