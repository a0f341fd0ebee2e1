import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { SERVICE_KINDS } from '../../lib/billing';
import { OUTAGE_SEVERITIES } from '../../lib/vocabularies';
import { instant } from './columns';
import { regions } from './geography';
import { inVocabulary } from './vocabularies-sql';

const MILESTONES = [
  'detected_at',
  'public_comm_at',
  'ivr_message_at',
  'sms_sent_at',
  'agents_briefed_at',
  'unlimited_data_at',
  'resolved_at',
] as const;

export const outages = pgTable(
  'outages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    outageRef: text('outage_ref').notNull().unique(),
    title: text('title').notNull(),
    severity: text('severity', { enum: OUTAGE_SEVERITIES }).notNull(),
    startedAt: instant('started_at').notNull(),
    detectedAt: instant('detected_at'),
    publicCommAt: instant('public_comm_at'),
    ivrMessageAt: instant('ivr_message_at'),
    smsSentAt: instant('sms_sent_at'),
    agentsBriefedAt: instant('agents_briefed_at'),
    unlimitedDataAt: instant('unlimited_data_at'),
    resolvedAt: instant('resolved_at'),
    /** Force majeure limits what some laws owe (Spain: the fees prorated only). */
    forceMajeure: boolean('force_majeure').notNull().default(false),
    /** The services it interrupted; null: every service. */
    services: text('services').array(),
  },
  (t) => [
    check('outages_severity_check', inVocabulary(t.severity, OUTAGE_SEVERITIES)),
    check(
      'outages_milestones_after_start',
      sql.raw(MILESTONES.map((m) => `(${m} is null or ${m} >= started_at)`).join(' and ')),
    ),
    check(
      'outages_services_check',
      sql`${t.services} is null or (cardinality(${t.services}) > 0 and ${t.services} <@ array[${sql.raw(SERVICE_KINDS.map((k) => `'${k}'`).join(', '))}]::text[])`,
    ),
    index('outages_started_idx').on(t.startedAt),
  ],
);

export const outageRegions = pgTable(
  'outage_regions',
  {
    outageId: integer('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.outageId, t.regionCode] }), index('outage_regions_region_idx').on(t.regionCode)],
);

/** When an outage lists postcodes, only customers billed there are affected. */
export const outagePostcodes = pgTable(
  'outage_postcodes',
  {
    outageId: integer('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    postcode: text('postcode').notNull(),
  },
  (t) => [primaryKey({ columns: [t.outageId, t.postcode] }), index('outage_postcodes_postcode_idx').on(t.postcode)],
);
