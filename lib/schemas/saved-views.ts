import { z } from 'zod';
import { rowIdSchema } from './ids';

/** The list pages a user can save views of. */
export const SAVED_VIEW_PAGES = ['queue'] as const;
export type SavedViewPage = (typeof SAVED_VIEW_PAGES)[number];

/** How many views one user keeps per page. */
export const MAX_SAVED_VIEWS = 50;

const page = z.enum(SAVED_VIEW_PAGES);

export const savedViewListSchema = z.object({ page });

export const savedViewSaveSchema = z.object({
  page,
  name: z
    .string()
    .trim()
    .min(1, { error: 'Give the view a name.' })
    .max(80, { error: 'Keep the name under 80 characters.' }),
  /** The page's URL query, with or without the leading `?`. */
  query: z.string().trim().max(2_000),
});

export const savedViewRemoveSchema = z.object({ id: rowIdSchema });

export type SavedViewSave = z.output<typeof savedViewSaveSchema>;
