import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const dataDir = '.data/e2e/pglite';
// When the test command has a PostgreSQL server up, the sign-in specs also run on a second
// server that uses it through postgres.js.
const postgresUrl = process.env.E2E_DATABASE_URL;
const postgresPort = port + 1;
const postgresBaseURL = `http://localhost:${postgresPort}`;
// e2e/setup.spec.ts needs an install that is not set up: a third server, not in demo mode, on a
// fresh embedded database; it writes its setup link to .data/e2e-setup/setup-link.
const setupPort = port + 3;
const setupBaseURL = `http://localhost:${setupPort}`;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: false,
  workers: 1,
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
    { name: 'chromium', testIgnore: /setup\.spec\.ts/, use: { browserName: 'chromium' } },
    {
      name: 'chromium-setup',
      testMatch: /setup\.spec\.ts/,
      use: { browserName: 'chromium' as const, baseURL: setupBaseURL },
    },
    ...(postgresUrl
      ? [
          {
            name: 'chromium-postgres',
            testMatch: /sign-in\.spec\.ts/,
            use: { browserName: 'chromium' as const, baseURL: postgresBaseURL },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `rm -rf .data/e2e-setup && node node_modules/next/dist/bin/next start -p ${setupPort}`,
      url: `${setupBaseURL}/login`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        HOLDFAST_DATA_DIR: '.data/e2e-setup/pglite',
        HOLDFAST_DEMO: '0',
        NEXTAUTH_URL: setupBaseURL,
        PORT: String(setupPort),
        DATABASE_URL: '',
      },
    },
    {
      // The production build on a fresh embedded database with the demo data.
      command: `rm -rf .data/e2e && node node_modules/next/dist/bin/next start -p ${port}`,
      url: `${baseURL}/login`,
      timeout: 240_000,
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
            timeout: 240_000,
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
