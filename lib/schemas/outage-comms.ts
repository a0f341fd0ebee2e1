import { z } from 'zod';
import { DISPATCH_CHANNELS, OUTAGE_TEXT_KINDS, OUTAGE_TEXT_LABELS, OUTAGE_TEXT_MAX_LENGTH } from '../outage-comms';
import { outageRefSchema } from './outage-response';

export const saveOutageTextInput = z
  .object({
    ref: outageRefSchema,
    kind: z.enum(OUTAGE_TEXT_KINDS, 'Choose public notice, IVR message, SMS or agent script.'),
    body: z.string().trim().min(1, 'The text is empty.'),
  })
  .superRefine((value, ctx) => {
    const max = OUTAGE_TEXT_MAX_LENGTH[value.kind];
    if (value.body.length > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `${OUTAGE_TEXT_LABELS[value.kind]}: at most ${max.toLocaleString('en-GB')} characters (this one has ${value.body.length.toLocaleString('en-GB')}).`,
      });
    }
  });
export type SaveOutageTextInput = z.infer<typeof saveOutageTextInput>;

export const startDispatchInput = z.object({
  ref: outageRefSchema,
  channel: z.enum(DISPATCH_CHANNELS),
});
export type StartDispatchInput = z.infer<typeof startDispatchInput>;
