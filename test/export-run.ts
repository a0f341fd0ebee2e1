import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import type { ExportDataset, ExportFormat } from '@/lib/schemas/exports';
import type { SessionUser } from '@/server/auth/session-user';
import { startExport, type ExportOptions } from '@/server/export/export-stream';

/** Helpers of the export tests. */
export const TZ = 'Europe/Madrid';
export const ALL_TIME = { from: '1900-01-01', to: '2999-12-31' };

export async function loadUsers(db: Db): Promise<Record<string, SessionUser>> {
  const rows = await queryRows<{
    id: number;
    email: string;
    name: string;
    role: SessionUser['role'];
    region_code: string | null;
  }>(db, sql`select id, email, name, role, region_code from users`);
  const byName: Record<string, SessionUser> = {};
  for (const r of rows) {
    byName[r.email.split('@')[0] ?? r.email] = {
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      regionCode: r.region_code,
    };
  }
  return byName;
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return Buffer.concat(chunks);
}

export async function exportBytes(
  db: Db,
  who: SessionUser,
  dataset: ExportDataset,
  filters: { from: string; to: string; region?: string; rep?: string } = ALL_TIME,
  format: ExportFormat = 'csv',
  options: ExportOptions = {},
) {
  const download = await startExport(db, who, { dataset, format, ...filters }, options);
  return { bytes: await readAll(download.stream), plan: download.plan, contentType: download.contentType };
}

/** The CSV's lines without the BOM; the last line break ends the last record. */
export function lines(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').slice(0, -1);
}

export async function lastExportAudit(db: Db) {
  const [row] = await queryRows<{
    id: number;
    actor_id: number | null;
    entity: string;
    details: Record<string, unknown>;
  }>(
    db,
    sql`select id::int as id, actor_id, entity, details from audit_log where action = 'export' order by id desc limit 1`,
  );
  return row;
}
