import type { OutageSeverity } from '../../lib/vocabularies';
import { REGIONS, REGION_CODES, postcodeWeights, region, type RegionCode } from './demo-geography';
import { ANCHOR, DAY, HOUR, MINUTE, WINDOW_START, atMadrid, seconds } from './demo-time';
import { rngFor, type Rng } from './random';

export interface OutageSeed {
  outageRef: string;
  title: string;
  severity: OutageSeverity;
  startedAt: number;
  detectedAt: number | null;
  publicCommAt: number | null;
  ivrMessageAt: number | null;
  smsSentAt: number | null;
  agentsBriefedAt: number | null;
  unlimitedDataAt: number | null;
  resolvedAt: number | null;
  regionCodes: RegionCode[];
  /** Empty: every customer of the regions is affected. */
  postcodes: string[];
  /** Whether proactive outage credits were issued; a few are left owed. */
  compensated: boolean;
}

const CITY_BY_PREFIX: Record<string, string> = {
  '28': 'Madrid',
  '08': 'Barcelona',
  '17': 'Girona',
  '25': 'Lleida',
  '43': 'Tarragona',
  '41': 'Sevilla',
  '29': 'Málaga',
  '18': 'Granada',
  '14': 'Córdoba',
  '11': 'Cádiz',
  '46': 'Valencia',
  '03': 'Alicante',
  '12': 'Castellón',
  '15': 'A Coruña',
  '36': 'Vigo',
  '27': 'Lugo',
  '32': 'Ourense',
  '48': 'Bilbao',
  '20': 'Donostia',
  '01': 'Vitoria-Gasteiz',
};

const LOCAL_TITLES = [
  'Fibre cut in {place} (roadworks)',
  'Street cabinet failure in {place}',
  'Power failure at the {place} exchange',
  'Flooded duct in {place}',
  'Optical node failure in {place}',
];
const REGIONAL_TITLES = [
  'Aggregation router failure — {place}',
  'Mobile core signalling fault — {place}',
  'DNS resolver failure — {place}',
  'Storm damage to the network — {place}',
  'Backbone fibre cut — {place}',
];
const MULTI_TITLES = ['Interconnection failure — {place}', 'Mobile data core overload — {place}'];

/** The incident the product brief tells about: began at 16:00, announced at 18:14, IVR too late. */
export const NATIONAL_OUTAGE_TITLE = 'National core network failure (fibre, TV and mobile)';
const national = { year: 2026, month: 5, day: 9 };

function minutes(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, rng.logNormal(median, sigma))) * MINUTE;
}

function randomOutage(rng: Rng, startedAt: number): Omit<OutageSeed, 'outageRef' | 'compensated'> {
  const scope = rng.weighted([
    ['local', 26],
    ['region', 9],
    ['multi', 3],
  ] as const);
  const home = rng.weighted(REGIONS.map((r) => [r.code, r.weight] as const));
  let regionCodes: RegionCode[] = [home];
  let postcodes: string[] = [];
  let title: string;
  let severity: OutageSeverity;
  if (scope === 'local') {
    const count = rng.int(2, 5);
    const pool = postcodeWeights(region(home).postcodes);
    while (postcodes.length < count) {
      const code = rng.weighted(pool);
      if (!postcodes.includes(code)) postcodes.push(code);
    }
    postcodes = postcodes.sort();
    const first = postcodes[0] ?? '';
    title = rng.pick(LOCAL_TITLES).replace('{place}', `${CITY_BY_PREFIX[first.slice(0, 2)] ?? home} ${first}`);
    severity = rng.weighted([
      ['minor', 50],
      ['major', 45],
      ['critical', 5],
    ] as const);
  } else if (scope === 'region') {
    title = rng.pick(REGIONAL_TITLES).replace('{place}', region(home).name);
    severity = rng.weighted([
      ['major', 60],
      ['critical', 40],
    ] as const);
  } else {
    const other = rng.pick(REGION_CODES.filter((c) => c !== home));
    regionCodes = [home, other].sort();
    title = rng.pick(MULTI_TITLES).replace('{place}', regionCodes.map((c) => region(c).name).join(' and '));
    severity = rng.weighted([
      ['major', 30],
      ['critical', 70],
    ] as const);
  }
  // Communication gets faster over the three years: the story of a desk that learned.
  const progress = (startedAt - WINDOW_START) / (ANCHOR - WINDOW_START);
  const detectedAt = startedAt + minutes(rng, 7, 0.6, 1, 40);
  const publicCommAt = Math.max(detectedAt + 3 * MINUTE, startedAt + minutes(rng, 55 - 27 * progress, 0.45, 12, 180));
  const minor = severity === 'minor';
  const mobile = title.includes('Mobile') || severity === 'critical';
  const hours = { minor: 2.5, major: 5, critical: 9 }[severity];
  return {
    title,
    severity,
    startedAt,
    detectedAt,
    publicCommAt,
    ivrMessageAt: minor && rng.chance(0.3) ? null : publicCommAt + minutes(rng, 12, 0.6, 2, 90),
    smsSentAt: minor && rng.chance(0.4) ? null : publicCommAt + minutes(rng, 25, 0.5, 5, 120),
    agentsBriefedAt: Math.max(detectedAt, publicCommAt + minutes(rng, 12, 0.8, 1, 120) - 8 * MINUTE),
    unlimitedDataAt: mobile ? publicCommAt + minutes(rng, 40, 0.5, 10, 180) : null,
    resolvedAt: startedAt + Math.min(30 * HOUR, Math.max(45 * MINUTE, rng.logNormal(hours, 0.45) * HOUR)),
    regionCodes,
    postcodes,
  };
}

function nationalOutage(): Omit<OutageSeed, 'outageRef' | 'compensated'> {
  const { year, month, day } = national;
  const at = (h: number, m: number, d = day) => atMadrid(year, month, d, h, m);
  return {
    title: NATIONAL_OUTAGE_TITLE,
    severity: 'critical',
    startedAt: at(16, 0),
    detectedAt: at(16, 9),
    publicCommAt: at(18, 14),
    ivrMessageAt: at(19, 2),
    smsSentAt: at(19, 41),
    agentsBriefedAt: at(20, 25),
    unlimitedDataAt: at(19, 30),
    resolvedAt: at(1, 45, day + 1),
    regionCodes: [...REGION_CODES],
    postcodes: [],
  };
}

/** Still open at the anchor: the outage page has a live incident. */
function openOutage(): Omit<OutageSeed, 'outageRef' | 'compensated'> {
  const startedAt = ANCHOR - 5 * HOUR - 20 * MINUTE;
  return {
    title: 'Optical node failure in Valencia 46004 (Russafa)',
    severity: 'major',
    startedAt,
    detectedAt: startedAt + 6 * MINUTE,
    publicCommAt: startedAt + 24 * MINUTE,
    ivrMessageAt: startedAt + 31 * MINUTE,
    smsSentAt: startedAt + 48 * MINUTE,
    agentsBriefedAt: startedAt + 40 * MINUTE,
    unlimitedDataAt: null,
    resolvedAt: null,
    regionCodes: ['VAL'],
    postcodes: ['46004', '46005', '46006'],
  };
}

const MILESTONES = [
  'detectedAt',
  'publicCommAt',
  'ivrMessageAt',
  'smsSentAt',
  'agentsBriefedAt',
  'unlimitedDataAt',
  'resolvedAt',
] as const;

export function buildOutages(): OutageSeed[] {
  const rng = rngFor('outages');
  const nationalDay = atMadrid(national.year, national.month, national.day, 0);
  const drafts = [nationalOutage(), openOutage()];
  while (drafts.length < 40) {
    const day = Math.floor((WINDOW_START + 10 * DAY + rng.next() * (ANCHOR - WINDOW_START - 14 * DAY)) / DAY) * DAY;
    if (Math.abs(day - nationalDay) < 10 * DAY) continue;
    const hour = rng.weighted([
      [2, 2],
      [5, 2],
      [9, 3],
      [11, 3],
      [14, 3],
      [17, 3],
      [20, 2],
      [23, 1],
    ] as const);
    drafts.push(randomOutage(rng, day + hour * HOUR + rng.int(0, 59) * MINUTE));
  }
  drafts.sort((a, b) => a.startedAt - b.startedAt);
  const resolved = drafts.filter((d) => d.resolvedAt !== null);
  const lastResolved = resolved[resolved.length - 1];
  const forgottenRegional = [...resolved]
    .reverse()
    .find((d) => d !== lastResolved && d.postcodes.length === 0 && d.title !== NATIONAL_OUTAGE_TITLE);
  return drafts.map((draft, i) => {
    const outage: OutageSeed = {
      ...draft,
      outageRef: `OUT-${String(i + 1).padStart(4, '0')}`,
      compensated: draft.resolvedAt !== null && draft !== lastResolved && draft !== forgottenRegional,
    };
    outage.startedAt = seconds(outage.startedAt);
    for (const m of MILESTONES) {
      const v = outage[m];
      if (v !== null) outage[m] = Math.max(outage.startedAt, seconds(v));
    }
    return outage;
  });
}

/** Whether a customer billed at this region/postcode is inside the outage's footprint. */
export function outageCovers(outage: OutageSeed, regionCode: string, postcode: string | null): boolean {
  if (outage.postcodes.length > 0) return postcode !== null && outage.postcodes.includes(postcode);
  return (outage.regionCodes as string[]).includes(regionCode);
}
