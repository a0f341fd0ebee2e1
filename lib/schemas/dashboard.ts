import { z } from 'zod';
import { isCalendarDate } from '../periods';

const calendarDate = z.string().refine(isCalendarDate, { error: 'expected a calendar date YYYY-MM-DD' });

export const dashboardQuerySchema = z
  .object({
    from: calendarDate,
    to: calendarDate,
    region: z.string().max(32).nullable(),
    rep: z.string().email().nullable(),
  })
  .refine((q) => q.from <= q.to, { error: 'from must be on or before to', path: ['to'] });
