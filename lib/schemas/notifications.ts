import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../notification-kinds';
import { rowIdSchema } from './ids';

export const notificationPreferencesInput = z.object({
  preferences: z
    .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_KINDS.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, 'each kind at most once'),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;

export const listNotificationsInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
});
export type ListNotificationsInput = z.infer<typeof listNotificationsInput>;

/** Given ids, those of the caller's notifications; none, all of them. */
export const markNotificationsReadInput = z.object({ ids: z.array(rowIdSchema).max(100).optional() });
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;
