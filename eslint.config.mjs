import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers of docs/architecture.md: each group lists what its files may not import, by alias or
// by relative path. Tests may cross layers (a seed test signs in through server/auth).
const tests = ['**/*.test.ts', '**/*.test.tsx'];
const reaching = (dirs) => `^(@/|(\\.\\./)+)(${dirs})(/|$)`;
const layer = (files, patterns, paths = []) => ({
  files,
  ignores: tests,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }] },
});
const requestBound = ['next/navigation', 'next/headers'].map((name) => ({
  name,
  message: 'Services and metrics are functions of (db, params); page flow belongs in server/loaders or server/auth/guards.',
}));
const layers = [
  layer(
    ['components/**'],
    [{ regex: reaching('db|server'), message: 'Components talk tRPC: data through lib/trpc, types from @/lib/trpc/types.' }],
  ),
  {
    ...layer(['lib/**'], [{ regex: reaching('db|server'), message: 'lib/ is isomorphic and pure: no db/ or server/.' }]),
    ignores: [...tests, 'lib/trpc/**'],
  },
  layer(
    ['lib/trpc/**'],
    [
      { regex: reaching('db'), message: 'lib/ is isomorphic and pure: no db/.' },
      {
        regex: '^(@/|(\\.\\./)+)server/(?!api/root$)',
        message: 'lib/trpc takes only the AppRouter type from server/api/root.',
      },
      { regex: '^(@/|(\\.\\./)+)server/api/root$', allowTypeImports: true, message: 'Only `import type { AppRouter }`.' },
    ],
  ),
  layer(['db/**'], [{ regex: reaching('server'), message: 'db/ sits below server/: move what both need into db/ or lib/.' }]),
  layer(
    ['server/metrics/**', 'server/services/**'],
    [{ regex: '^(@/server/|(\\.\\./)+)api(/|$)', message: 'Routers call services and metrics, never the other way round.' }],
    requestBound,
  ),
  layer(
    ['app/**/page.tsx', 'app/**/layout.tsx'],
    [
      {
        regex: '^@/(db|server/db|server/services|server/metrics)(/|$)',
        message: 'Pages read data through tRPC (server/api/server-helpers) or their loader in server/loaders.',
      },
    ],
  ),
];

export default tseslint.config(
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', '.test-results/**', 'next-env.d.ts', '**/*.mjs', '**/*.js'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  ...layers,
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
