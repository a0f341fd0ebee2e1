import 'server-only';
import { cache } from 'react';
import { getDb } from '../db';
import { getSettings } from '../services/settings';

export interface DisplaySettings {
  currency: string;
  timezone: string;
}

/** How a page shows money and instants (the admin's settings over the environment), read once per request. */
export const loadDisplaySettings = cache(async (): Promise<DisplaySettings> => {
  const { currency, reportTz } = await getSettings(await getDb());
  return { currency, timezone: reportTz };
});
