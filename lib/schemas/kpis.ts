import { z } from 'zod';
import { isCalendarDate } from '../periods';

const calendarDate = (name: string) =>
  z
    .string({ error: `${name} is required (YYYY-MM-DD)` })
    .trim()
    .refine(isCalendarDate, {
      error: (issue) => `${name} must be a calendar date YYYY-MM-DD, got "${String(issue.input)}"`,
    });

/** An empty query parameter (`?region=`) means no filter. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** Query of /api/v1/kpis and `npm run kpis`: an inclusive period and optional filters. */
export const kpiQuerySchema = z
  .object({
    from: calendarDate('from'),
    to: calendarDate('to'),
    region: optionalText(z.string().trim().max(32, 'region must be a region code')),
    rep: optionalText(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: 'rep must be an email address' })),
    ),
  })
  .refine((q) => q.from <= q.to, { error: 'from must be on or before to', path: ['to'] });

export type KpiQuery = z.infer<typeof kpiQuerySchema>;

/** One line naming every problem, for an API error or the CLI. */
export function describeKpiQueryError(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}
