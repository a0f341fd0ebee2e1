import { z } from 'zod';

export const retryJobInput = z.object({
  queue: z.string().min(1).max(100),
  id: z.uuid('A job id is a UUID.'),
});
export type RetryJobInput = z.infer<typeof retryJobInput>;
