import path from 'node:path';
import { defineConfig } from '@playwright/test';
import type { AuthOptions } from './e2e/fixtures/auth';
import { E2E_PORT, demoDataDir, setupDataRoot } from './e2e/fixtures/servers';

const port = E2E_PORT;
const baseURL = `http://localhost:${port}`;
const dataDir = demoDataDir;
// When the test command has a PostgreSQL server up, the sign-in specs also run on a second
// server that uses it through postgres.js.
const postgresUrl = process.env.E2E_DATABASE_URL;
const postgresPort = port + 1;
const postgresBaseURL = `http://localhost:${postgresPort}`;
// e2e/setup.spec.ts needs an install that is not set up: a third server, not in demo mode, on a
// fresh embedded database; it writes its setup link beside it (e2e/fixtures/servers.ts).
const setupPort = port + 3;
const setupBaseURL = `http://localhost:${setupPort}`;

// A fresh server migrates and seeds its demo data before it answers: minutes on a busy machine.
const serverTimeout = Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 240_000);

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig<AuthOptions>({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  // Specs seed their own rows and reuse one sign-in per role (e2e/fixtures), so they run side by side.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // A focused spec (test.only) must not pass CI as a green run of one test.
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    // Each role signs in once through the form; the specs of that server reuse the saved state.
    { name: 'sign-in-once', testMatch: /sign-in-once\.setup\.ts/, use: { authServer: 'demo' } },
    {
      name: 'chromium',
      testIgnore: /setup\.spec\.ts/,
      dependencies: ['sign-in-once'],
      use: { browserName: 'chromium', authServer: 'demo' },
    },
    {
      name: 'chromium-setup',
      testMatch: /setup\.spec\.ts/,
      use: { browserName: 'chromium' as const, baseURL: setupBaseURL },
    },
    ...(postgresUrl
      ? [
          {
            name: 'sign-in-once-postgres',
            testMatch: /sign-in-once\.setup\.ts/,
            use: { baseURL: postgresBaseURL, authServer: 'postgres' },
          },
          {
            name: 'chromium-postgres',
            testMatch: /sign-in\.spec\.ts/,
            dependencies: ['sign-in-once-postgres'],
            use: { browserName: 'chromium' as const, baseURL: postgresBaseURL, authServer: 'postgres' },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `rm -rf ${setupDataRoot} && node node_modules/next/dist/bin/next start -p ${setupPort}`,
      url: `${setupBaseURL}/login`,
      timeout: serverTimeout,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        HOLDFAST_DATA_DIR: `${setupDataRoot}/pglite`,
        HOLDFAST_DEMO: '0',
        NEXTAUTH_URL: setupBaseURL,
        PORT: String(setupPort),
        DATABASE_URL: '',
      },
    },
    {
      // The production build on a fresh embedded database with the demo data.
      command: `rm -rf ${path.dirname(dataDir)} && node node_modules/next/dist/bin/next start -p ${port}`,
      url: `${baseURL}/login`,
      timeout: serverTimeout,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        HOLDFAST_DATA_DIR: dataDir,
        HOLDFAST_DEMO: '1',
        NEXTAUTH_URL: baseURL,
        PORT: String(port),
        DATABASE_URL: '',
      },
    },
    ...(postgresUrl
      ? [
          {
            command: `node node_modules/next/dist/bin/next start -p ${postgresPort}`,
            url: `${postgresBaseURL}/login`,
            timeout: serverTimeout,
            reuseExistingServer: false,
            stdout: 'pipe' as const,
            stderr: 'pipe' as const,
            env: {
              DATABASE_URL: postgresUrl,
              HOLDFAST_DATA_DIR: '.data/e2e-postgres/unused',
              HOLDFAST_DEMO: '1',
              NEXTAUTH_URL: postgresBaseURL,
              PORT: String(postgresPort),
            },
          },
        ]
      : []),
  ],
});
