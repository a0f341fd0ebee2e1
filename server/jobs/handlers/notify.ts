import 'server-only';
import { deliverNotification } from '../../services/notifications/deliver';
import { publishNotificationChange } from '../../services/notifications/live';
import { draftNotification } from '../../services/notifications/recipients';
import type { JobHandler } from '../job-context';

/** One event → a notification per recipient (and their email jobs); the open bells hear of it. */
export const handleNotify: JobHandler<'notify'> = async (context, payload) => {
  const draft = await draftNotification(context.db, payload);
  if (!draft) return;
  const { userIds } = await deliverNotification(context.db, draft, context.mailer !== null);
  publishNotificationChange(userIds);
};
