import 'server-only';
import { saveOutageTextInput, startDispatchInput } from '@/lib/schemas/outage-comms';
import { outageRefInput } from '@/lib/schemas/outage-response';
import { env } from '../../env';
import { activeAgentScripts } from '../../services/outage-comms/active-scripts';
import { listOutageTexts, saveOutageText } from '../../services/outage-comms/texts';
import { startDispatch } from '../../services/outage-comms/start-dispatch';
import { outageDispatchTotals } from '../../services/outage-comms/totals';
import { createTRPCRouter, roleProcedure } from '../trpc';

const provisioningConfigured = () => ({ provisioningConfigured: env.PROVISIONING_WEBHOOK_URL !== undefined });

/** An outage's texts (reps read the agent script), its SMS and unlimited data; the services scope by region. */
export const outageCommsRouter = createTRPCRouter({
  texts: roleProcedure('manager', 'analyst', 'admin', 'rep')
    .input(outageRefInput)
    .query(({ ctx, input }) => listOutageTexts(ctx.db, ctx.session, input.ref)),
  /** The open outages of the caller's region with their current agent script (the reps' page). */
  activeScripts: roleProcedure('manager', 'analyst', 'admin', 'rep').query(({ ctx }) =>
    activeAgentScripts(ctx.db, ctx.session),
  ),
  dispatchTotals: roleProcedure('manager', 'analyst', 'admin')
    .input(outageRefInput)
    .query(({ ctx, input }) => outageDispatchTotals(ctx.db, ctx.session, input.ref, provisioningConfigured())),

  saveText: roleProcedure('manager', 'admin')
    .input(saveOutageTextInput)
    .mutation(({ ctx, input }) => saveOutageText(ctx.db, ctx.session, input)),
  startDispatch: roleProcedure('manager', 'admin')
    .input(startDispatchInput)
    .mutation(({ ctx, input }) => startDispatch(ctx.db, ctx.session, input, provisioningConfigured())),
});
