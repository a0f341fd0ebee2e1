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
  /** PostgreSQL stops any statement of the server that runs longer; 0 turns the limit off (migrations and CLIs never have it). */
  HOLDFAST_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  /** Figure requests (KPI API, dashboard procedures, export starts) computed at once per process, and how many may wait; beyond, 503. */
  HOLDFAST_HEAVY_CONCURRENCY: positiveInt(4),
  HOLDFAST_HEAVY_QUEUE: z.coerce.number().int().min(0).default(100),
  REPORT_TZ: z.string().min(1).default('Europe/Madrid'),
  DISPUTE_SLA_HOURS: positiveInt(72),
  COMM_TARGET_MINUTES: positiveInt(30),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code')
    .default('EUR'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Email for notifications, e.g. smtp://user:password@mail.example.com:587; unset, notifications stay in the app. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^smtps?:\/\//.test(v), 'an smtp:// or smtps:// URL'),
  SMTP_FROM: z.string().min(3).default('Holdfast <holdfast@localhost>'),
  /** Days a scheduled export's emailed download link works; the file is deleted after. */
  HOLDFAST_EXPORT_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Outage SMS: `log` writes each batch to the server log, `http` posts it to SMS_HTTP_URL. */
  SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
  SMS_HTTP_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\//.test(v), 'an http:// or https:// URL'),
  /** The whole Authorization header sent with every SMS batch, e.g. `Bearer <token>`. */
  SMS_HTTP_AUTH_HEADER: z.string().optional(),
  /** Customers per SMS request (and per provisioning webhook call). */
  SMS_BATCH_SIZE: z.coerce.number().int().positive().max(10_000).default(100),
  /** "Unlimited data" posts each batch of affected customers here; unset, the button is off. */
  PROVISIONING_WEBHOOK_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\//.test(v), 'an http:// or https:// URL'),
  PROVISIONING_WEBHOOK_AUTH_HEADER: z.string().optional(),
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
