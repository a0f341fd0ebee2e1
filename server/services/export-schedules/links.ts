import 'server-only';
import crypto from 'node:crypto';

/** What an emailed link names: one run, one recipient, until one instant. */
export interface ExportLink {
  runId: number;
  userId: number;
  /** Unix seconds. */
  expires: number;
}

/** A key of its own for links, derived from the session secret, so a link's MAC is no session's. */
function linkKey(secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update('holdfast scheduled export link v1').digest();
}

function mac(secret: string, link: ExportLink): string {
  return crypto
    .createHmac('sha256', linkKey(secret))
    .update(`${link.runId}.${link.userId}.${link.expires}`)
    .digest('base64url');
}

export function exportLinkPath(runId: number): string {
  return `/api/v1/export-runs/${runId}/download`;
}

/** The recipient's download link: the run's path, their id, the expiry and the HMAC of all three. */
export function signExportLink(secret: string, link: ExportLink): string {
  const query = new URLSearchParams({ u: String(link.userId), e: String(link.expires), s: mac(secret, link) });
  return `${exportLinkPath(link.runId)}?${query.toString()}`;
}

const positiveInt = (value: string | null): number | null =>
  value !== null && /^[1-9][0-9]{0,11}$/.test(value) ? Number(value) : null;

/** The link's fields when its MAC matches (compared in constant time), else null. */
export function verifyExportLink(secret: string, runId: number, query: URLSearchParams): ExportLink | null {
  const userId = positiveInt(query.get('u'));
  const expires = positiveInt(query.get('e'));
  const given = Buffer.from(query.get('s') ?? '', 'utf8');
  if (userId === null || expires === null) return null;
  const link = { runId, userId, expires };
  const expected = Buffer.from(mac(secret, link), 'utf8');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? link : null;
}
