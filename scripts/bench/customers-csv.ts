import fs from 'node:fs';
import { once } from 'node:events';
import { CHURN_CATEGORIES } from '@/lib/vocabularies';

/** The reference rows the generated customers point at: 5 regions, 8 postcodes each, 10 reps. */
export const BENCH_REGIONS = ['MAD', 'CAT', 'AND', 'VAL', 'GAL'] as const;

export function regionsCsv(): string {
  return `code,name\n${BENCH_REGIONS.map((code) => `${code},Region ${code}`).join('\n')}\n`;
}

const postcodesOf = (region: string) =>
  Array.from({ length: 8 }, (_, i) => `${region}-${String(i + 1).padStart(3, '0')}`);

export function postcodesCsv(): string {
  return `postcode,region_code\n${BENCH_REGIONS.flatMap((r) => postcodesOf(r).map((p) => `${p},${r}`)).join('\n')}\n`;
}

const repEmail = (region: string, i: number) => `rep${i}.${region.toLowerCase()}@bench.test`;

export function usersCsv(): string {
  const rows = BENCH_REGIONS.flatMap((r) => [1, 2].map((i) => `${repEmail(r, i)},Rep ${i} ${r},rep,${r},retention`));
  return `email,name,role,region_code,team\n${rows.join('\n')}\n`;
}

/** Small deterministic PRNG (mulberry32), so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEES = ['19.90', '29.90', '39.90', '49.90', '59.90', '99.90', '119.90'];
const START = Date.parse('2020-01-01T00:00:00Z');
const SPAN = Date.parse('2024-12-31T00:00:00Z') - START;

function pick<T>(items: readonly T[], r: number): T {
  const item = items[Math.floor(r * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Writes `rows` customers in the import format, streamed (the file never sits in memory). */
export async function writeCustomersCsv(file: string, rows: number): Promise<void> {
  const rnd = random(42);
  const out = fs.createWriteStream(file);
  out.write(
    'account_number,name,region_code,postcode,plan,activated_at,monthly_fee,churned_at,churn_category,churn_reason,competitor,sold_by,promo_ends_at,promo_monthly_discount\n',
  );
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const region = pick(BENCH_REGIONS, rnd());
    const activated = START + Math.floor(rnd() * SPAN);
    const fee = pick(FEES, rnd());
    const churned = rnd() < 0.25 ? new Date(activated + Math.floor(rnd() * 600) * 86_400_000).toISOString() : '';
    const category = churned ? pick(CHURN_CATEGORIES, rnd()) : '';
    const competitor = category === 'competitor' ? 'Fibra Norte' : '';
    const soldBy = rnd() < 0.6 ? repEmail(region, rnd() < 0.5 ? 1 : 2) : '';
    const promo = rnd() < 0.4;
    const promoEnds = promo ? new Date(activated + 90 * 86_400_000).toISOString().slice(0, 10) : '';
    chunk += `ACC-B-${String(i).padStart(7, '0')},"Cliente ${i}, bench",${region},${pick(postcodesOf(region), rnd())},Plan ${fee.split('.')[0]},${new Date(activated).toISOString()},${fee},${churned},${category},,${competitor},${soldBy},${promoEnds},${promo ? '5.00' : ''}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
