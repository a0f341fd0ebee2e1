export type RegionCode = 'MAD' | 'CAT' | 'AND' | 'VAL' | 'GAL' | 'PVA';

export interface RegionSeed {
  code: RegionCode;
  name: string;
  /** Share of the customer base. */
  weight: number;
  /** Multiplies the base churn hazard. */
  churnFactor: number;
  postcodes: readonly string[];
}

const range = (from: number, to: number, width = 5) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0'));

export const REGIONS: readonly RegionSeed[] = [
  {
    code: 'MAD',
    name: 'Madrid',
    weight: 0.28,
    churnFactor: 1.0,
    postcodes: [...range(28001, 28012), '28020', '28028', '28033', '28045', '28100', '28224', '28903', '28922'],
  },
  {
    code: 'CAT',
    name: 'Cataluña',
    weight: 0.24,
    churnFactor: 0.95,
    postcodes: [...range(8001, 8012), '08020', '08025', '08029', '17001', '25001', '43001'],
  },
  {
    code: 'AND',
    name: 'Andalucía',
    weight: 0.18,
    churnFactor: 1.15,
    postcodes: [...range(41001, 41007), ...range(29001, 29005), '18001', '18002', '14001', '11001'],
  },
  {
    code: 'VAL',
    name: 'Comunitat Valenciana',
    weight: 0.14,
    churnFactor: 1.05,
    postcodes: [...range(46001, 46008), '46010', '46020', '03001', '03002', '03003', '12001'],
  },
  {
    code: 'GAL',
    name: 'Galicia',
    weight: 0.08,
    churnFactor: 0.9,
    postcodes: [...range(15001, 15006), ...range(36201, 36204), '27001', '32001'],
  },
  {
    code: 'PVA',
    name: 'País Vasco',
    weight: 0.08,
    churnFactor: 0.8,
    postcodes: [...range(48001, 48008), '20001', '20002', '20003', '01001', '01002'],
  },
];

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

export function region(code: RegionCode): RegionSeed {
  const found = REGIONS.find((r) => r.code === code);
  if (!found) throw new Error(`unknown region ${code}`);
  return found;
}

/** Some postcodes are denser than others: the first ones of each list are city centres. */
export function postcodeWeights(codes: readonly string[]): [string, number][] {
  return codes.map((code, i) => [code, 1 + 1.5 / (1 + i * 0.3)]);
}
