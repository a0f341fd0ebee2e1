import 'server-only';
import { resetSettingInput, settingsPatchInput } from '@/lib/schemas/settings';
import { resetSetting } from '../../services/admin-settings/reset';
import { updateSettings } from '../../services/admin-settings/update';
import { getSettingsView } from '../../services/admin-settings/view';
import { createTRPCRouter, roleProcedure } from '../trpc';

const admin = roleProcedure('admin');

/** /admin/settings: read the values in force, change some, put one back to its default. Admins only. */
export const adminSettingsRouter = createTRPCRouter({
  get: admin.query(({ ctx }) => getSettingsView(ctx.db)),
  update: admin.input(settingsPatchInput).mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.session, input)),
  reset: admin.input(resetSettingInput).mutation(({ ctx, input }) => resetSetting(ctx.db, ctx.session, input.key)),
});
