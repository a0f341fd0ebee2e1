import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { postgresMissing, startOwnPostgres, type OwnPostgres } from '@/test/own-postgres';
import { databaseOutagePage } from './outage-page';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pageRequest = () => new NextRequest('http://localhost:3000/disputes', { headers: { accept: 'text/html' } });

describe.skipIf(postgresMissing)(
  `the first page after the database went away${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`,
  () => {
    let server: OwnPostgres;
    let handle: DbHandle;

    beforeAll(async () => {
      server = await startOwnPostgres();
      handle = await openDatabase({ databaseUrl: server.url, dataDir: 'memory://' });
      await handle.db.execute('select 1');
    });

    afterAll(async () => {
      await handle?.close().catch(() => {});
      await server?.destroy();
    });

    it('renders while the database answers, and gets the 503 page (not a failed render) once it stopped', async () => {
      expect(await databaseOutagePage(pageRequest(), 'n')).toBeNull();
      // Quiet for longer than the proxy trusts the last answer, then the server stops.
      await sleep(5_500);
      expect(await databaseOutagePage(pageRequest(), 'n'), 'still up after a quiet spell').toBeNull();
      await sleep(5_500);
      await server.stop('fast');
      const started = performance.now();
      const response = await databaseOutagePage(pageRequest(), 'n');
      const ms = performance.now() - started;
      expect(response?.status).toBe(503);
      expect(response?.headers.get('retry-after')).toBe('5');
      const html = (await response?.text()) ?? '';
      expect(html).toContain('The database is not reachable; retrying');
      expect(html).not.toContain('127.0.0.1');
      expect(ms).toBeLessThan(2_000);
      await server.start();
      await sleep(1_500);
      expect(await databaseOutagePage(pageRequest(), 'n'), 'back once the server answers').toBeNull();
    });
  },
);
