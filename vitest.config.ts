import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapePath, globSync } from 'tinyglobby';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
};

const integrationFiles = globSync('**/*.int.test.ts', { ignore: ['node_modules/**', '.next*/**', '.data/**'] });

/**
 * Integration files that need a process of their own: module mocks (a mocked module stays in the
 * module cache that unisolated files share), changed environment variables, a job runner's
 * timers, their own PostgreSQL server, or `// vitest: isolate` said outright. The other files of a
 * worker run one after another in one process and share its PGlite (test/db.ts), which saves
 * starting PGlite for each file.
 */
const NEEDS_OWN_PROCESS =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|process\.env\.\w+\s*=[^=]|startJobRunner|own-postgres|own-replica|vitest: isolate/;
// As globs: a route's folder such as [entity] would otherwise be a character class.
const isolatedFiles = integrationFiles
  .filter((file) => NEEDS_OWN_PROCESS.test(fs.readFileSync(file, 'utf8')))
  .map((file) => escapePath(file));

const integration = {
  environment: 'node' as const,
  allowOnly: false,
  testTimeout: 120_000,
  hookTimeout: 120_000,
  globalSetup: ['test/integration-global-setup.ts'],
  setupFiles: ['test/integration-setup.ts'],
};

export default defineConfig({
  resolve: { alias },
  test: {
    // A focused test (it.only) fails the run instead of silently skipping the rest.
    allowOnly: false,
    // The machine the suite runs on has 2 cores; more workers only contend for them.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', 'e2e/**'],
          environment: 'node',
          allowOnly: false,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', ...isolatedFiles],
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: 'integration-isolated',
          include: isolatedFiles.length > 0 ? isolatedFiles : ['no-isolated-integration-files'],
        },
      },
    ],
  },
});
