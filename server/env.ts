import 'server-only';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: positiveInt(3000),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Streaming replicas of DATABASE_URL, comma-separated: figures, the KPI API and exports read from them. */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((url) => url.trim()).filter((url) => url.length > 0)),
  /** A replica is read from only while it holds every commit older than this; also how long a user's own writes are read from the primary. */
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().max(3600).default(5),
  HOLDFAST_DATA_DIR: z.string().min(1).default('.data/pglite'),
  REPORT_TZ: z.string().min(1).default('Europe/Madrid'),
  DISPUTE_SLA_HOURS: positiveInt(72),
  COMM_TARGET_MINUTES: positiveInt(30),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code')
    .default('EUR'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** '1' demo data and accounts on an empty database, '0' a real install; unset means demo only without DATABASE_URL. */
  HOLDFAST_DEMO: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1']).optional()),
});

/** The environment, plus `demoMode` resolved once from HOLDFAST_DEMO and DATABASE_URL. */
export type Env = z.infer<typeof envSchema> & { demoMode: boolean };

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const demoMode = parsed.data.HOLDFAST_DEMO === undefined ? !parsed.data.DATABASE_URL : parsed.data.HOLDFAST_DEMO === '1';
  return { ...parsed.data, demoMode };
}

export const env: Env = parseEnv();
