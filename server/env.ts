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
  /** Set by `npm start`: add demo data when the database is empty. */
  HOLDFAST_SEED_DEMO: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();
