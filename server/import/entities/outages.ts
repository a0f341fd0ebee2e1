import 'server-only';
import { outagePostcodes, outageRegions, outages } from '@/db/schema';
import { SERVICE_KINDS, type ServiceKind } from '@/lib/billing';
import { OUTAGE_SEVERITIES, type OutageSeverity } from '@/lib/vocabularies';
import { parseList } from '../cell-values';
import type { EntityImporter } from '../entity';
import type { CellError, RowReader } from '../row-reader';

const MILESTONES = {
  detected_at: 'detectedAt',
  public_comm_at: 'publicCommAt',
  ivr_message_at: 'ivrMessageAt',
  sms_sent_at: 'smsSentAt',
  agents_briefed_at: 'agentsBriefedAt',
  unlimited_data_at: 'unlimitedDataAt',
  resolved_at: 'resolvedAt',
} as const;
type MilestoneProperty = (typeof MILESTONES)[keyof typeof MILESTONES];

type OutageDraft = {
  outageRef: string;
  title: string;
  severity: OutageSeverity;
  startedAt: Date;
  regionCodes: string[];
  postcodes: string[];
  forceMajeure: boolean;
  services: ServiceKind[] | null;
} & Record<MilestoneProperty, Date | null>;

const UPDATABLE = {
  title: 'title',
  severity: 'severity',
  started_at: 'startedAt',
  force_majeure: 'forceMajeure',
  services: 'services',
  ...MILESTONES,
} as const;

/**
 * The services the outage interrupted, `;`-separated (`internet;landline`); an empty cell means
 * every service. Kept in SERVICE_KINDS order, so an export re-imports unchanged.
 */
function interruptedServices(r: RowReader): ServiceKind[] | null {
  const raw = r.raw('services');
  if (raw.includes('\u0000')) {
    r.fail('services', 'contains a NUL character, which text cannot hold');
    return null;
  }
  const items = parseList(raw).map((item) => item.toLowerCase());
  if (items.length === 0) return null;
  const unknown = items.filter((item) => !(SERVICE_KINDS as readonly string[]).includes(item));
  if (unknown.length > 0) {
    r.fail(
      'services',
      `unknown service ${unknown.join(', ')}: list one or more of ${SERVICE_KINDS.join(', ')}, separated by ";" (empty: every service)`,
    );
    return null;
  }
  return SERVICE_KINDS.filter((kind) => items.includes(kind));
}

export const outagesImporter: EntityImporter<OutageDraft> = {
  columns: [
    { name: 'outage_ref', required: true },
    { name: 'title', required: true },
    { name: 'severity', required: true },
    { name: 'started_at', required: true },
    { name: 'region_codes', required: true },
    { name: 'postcodes', required: false },
    { name: 'force_majeure', required: false },
    { name: 'services', required: false },
    ...Object.keys(MILESTONES).map((name) => ({ name, required: false })),
  ],
  parse(r) {
    const required = { required: true };
    const outageRef = r.text('outage_ref', required);
    const title = r.text('title', required);
    const severity = r.vocabulary('severity', OUTAGE_SEVERITIES, required);
    const startedAt = r.instant('started_at', required);
    const regionCodes = r.refList('region_codes', 'region', required);
    const postcodes = r.refList('postcodes', 'postcode');
    const forceMajeure = r.boolean('force_majeure') ?? false;
    const services = interruptedServices(r);
    const milestones = {} as Record<MilestoneProperty, Date | null>;
    for (const [column, property] of Object.entries(MILESTONES)) {
      milestones[property] = r.instant(column);
      r.notBefore(column, milestones[property], 'started_at', startedAt);
    }
    if (outageRef === null || title === null || severity === null || startedAt === null || regionCodes.length === 0) {
      return null;
    }
    return { outageRef, title, severity, startedAt, regionCodes, postcodes, forceMajeure, services, ...milestones };
  },
  key: (d) => d.outageRef,
  check(d, lookup) {
    const errors: CellError[] = [];
    for (const postcode of d.postcodes) {
      const region = lookup.postcodeRegion(postcode);
      if (region !== undefined && !d.regionCodes.includes(region)) {
        errors.push({
          column: 'postcodes',
          value: postcode,
          reason: `postcode is in region ${region}, which is not among region_codes`,
        });
      }
    }
    return errors;
  },
  async write(out, drafts, _lookup, present) {
    const values = drafts.map(({ regionCodes: _r, postcodes: _p, ...d }) => d);
    // The file's lists replace the stored ones; without a postcodes column those are kept.
    const children = [
      {
        table: outageRegions,
        parentId: 'outageId',
        rows: drafts.flatMap((d) =>
          d.regionCodes.map((regionCode) => ({ parentKey: d.outageRef, values: { regionCode } })),
        ),
      },
      ...(present.has('postcodes')
        ? [
            {
              table: outagePostcodes,
              parentId: 'outageId',
              rows: drafts.flatMap((d) =>
                d.postcodes.map((postcode) => ({ parentKey: d.outageRef, values: { postcode } })),
              ),
            },
          ]
        : []),
    ];
    await out.upsert({ table: outages, target: 'outageRef', fromCsv: UPDATABLE }, values, present, children);
  },
};
