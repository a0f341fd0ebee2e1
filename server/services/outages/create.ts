import 'server-only';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { outagePostcodes, outageRegions, outages, postcodes, regions } from '@/db/schema';
import type { createOutageInput } from '@/lib/schemas/outage-response';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { enqueueJob } from '../../jobs/enqueue';
import { recordAudit } from '../audit';
import { newRef } from '../refs';
import { getSettings } from '../settings';
import { assertMayManage, customerScope } from './access';
import { assertNotInFuture, wallTimeToInstant } from './time';

type CreateOutageOutput = z.output<typeof createOutageInput>;
/** The services and force majeure are optional here: every service, no force majeure. */
export type CreateOutageParams = Omit<CreateOutageOutput, 'services' | 'forceMajeure'> &
  Partial<Pick<CreateOutageOutput, 'services' | 'forceMajeure'>>;

const listed = (values: readonly string[], max = 10) =>
  values.slice(0, max).join(', ') + (values.length > max ? ` and ${values.length - max} more` : '');

/**
 * Declares an outage: its title, severity, start (now unless given), affected regions and,
 * optionally, the postcodes it is limited to, each of which must belong to a chosen region.
 * A regional manager can only declare outages in their own region.
 */
export async function createOutage(
  db: Db,
  actor: SessionUser,
  params: CreateOutageParams,
  now: Date = new Date(),
): Promise<{ ref: string }> {
  assertMayManage(actor);
  const ownRegion = customerScope(actor);
  if (ownRegion !== null && params.regions.some((r) => r !== ownRegion)) {
    throw new ApiError('forbidden', `You can only declare outages in your region (${ownRegion}).`, {
      key: 'declareOwnRegion',
      params: { region: ownRegion },
    });
  }
  return db.transaction(async (tx) => {
    const { reportTz } = await getSettings(tx);
    const startedAt = params.startedAt ? await wallTimeToInstant(tx, params.startedAt, reportTz) : now;
    assertNotInFuture(startedAt, now, 'The start', reportTz, 'start');

    const known = await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, params.regions));
    const unknown = params.regions.filter((code) => !known.some((k) => k.code === code));
    if (unknown.length > 0) {
      throw new ApiError('bad_request', `Unknown region: ${listed(unknown)}.`, {
        key: 'unknownRegions',
        params: { list: listed(unknown) },
      });
    }

    const codes = [...new Set(params.postcodes)];
    if (codes.length > 0) {
      const found = await tx
        .select({ postcode: postcodes.postcode, regionCode: postcodes.regionCode })
        .from(postcodes)
        .where(inArray(postcodes.postcode, codes));
      const regionOf = new Map(found.map((p) => [p.postcode, p.regionCode]));
      const missing = codes.filter((code) => !regionOf.has(code));
      if (missing.length > 0) {
        throw new ApiError('bad_request', `Unknown postcode: ${listed(missing)}.`, {
          key: 'unknownPostcodes',
          params: { list: listed(missing) },
        });
      }
      const outside = codes.filter((code) => !params.regions.includes(regionOf.get(code) ?? ''));
      if (outside.length > 0) {
        throw new ApiError(
          'bad_request',
          `Postcodes must belong to the chosen regions (${params.regions.join(', ')}): ` +
            `${listed(outside.map((code) => `${code} is in ${regionOf.get(code) ?? '?'}`))}.`,
          {
            key: 'postcodesOutside',
            params: {
              regions: params.regions.join(', '),
              list: listed(outside.map((code) => `${code} → ${regionOf.get(code) ?? '?'}`)),
            },
          },
        );
      }
    }

    const ref = newRef('OUT');
    const [created] = await tx
      .insert(outages)
      .values({
        outageRef: ref,
        title: params.title,
        severity: params.severity,
        startedAt,
        forceMajeure: params.forceMajeure ?? false,
        services: params.services && params.services.length > 0 ? params.services : null,
      })
      .returning({ id: outages.id });
    if (!created) throw new Error('outage insert returned no row');
    await tx.insert(outageRegions).values(params.regions.map((regionCode) => ({ outageId: created.id, regionCode })));
    await enqueueJob(tx, 'notify', { kind: 'outage_declared', outageId: created.id });
    if (codes.length > 0) {
      await tx.insert(outagePostcodes).values(codes.map((postcode) => ({ outageId: created.id, postcode })));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'outage.declare',
      entity: 'outage',
      entityId: ref,
      details: {
        title: params.title,
        severity: params.severity,
        startedAt: startedAt.toISOString(),
        regions: params.regions,
        postcodes: codes,
        services: params.services ?? [],
        forceMajeure: params.forceMajeure ?? false,
      },
    });
    return { ref };
  });
}
