// Lint configuration: typescript-eslint recommended rules plus the layer rules of docs/architecture.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The top-level modules above the layers: the engine, the pipeline, the library API. */
const TOP = ['**/check.ts', '**/pipeline.ts', '**/library.ts', '**/region.ts'];

/** A layer's import bans: no folder of `folders` (at any depth) and none of `files`; its tests are exempt. */
function layer(files, folders, extra = []) {
  return [
    {
      files: [files],
      ignores: ['src/**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...folders.map((f) => ({
                group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`],
                message: `design.md: this layer may not import ${f}/`,
              })),
              ...extra.map((f) => ({ group: [f], message: 'design.md: this layer may not import it' })),
            ],
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'web/dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // design.md's layer table, one block per folder: what each layer may not import. The patterns match the import
  // string at any depth ('../../read/x.ts' too), so subfolders are covered; tests may import anything.
  ...layer(
    'src/model/**/*.ts',
    ['findings', 'read', 'extract', 'rules', 'aggregate', 'render', 'store', 'cli'],
    TOP,
  ),
  // The registry of the stages' finding ids: above model/ only, so that every stage may report through it.
  ...layer('src/findings/**/*.ts', ['read', 'extract', 'rules', 'aggregate', 'render', 'store', 'cli'], TOP),
  ...layer(
    'src/read/**/*.ts',
    ['extract', 'rules', 'aggregate', 'render', 'store', 'cli'],
    [...TOP, '**/model/format.ts', '**/model/formats/**'],
  ),
  ...layer('src/extract/**/*.ts', ['rules', 'aggregate', 'render', 'store', 'cli'], TOP),
  ...layer('src/aggregate/**/*.ts', ['read', 'extract', 'rules', 'render', 'store', 'cli'], TOP),
  ...layer(
    'src/rules/**/*.ts',
    ['read', 'extract', 'render', 'store', 'cli'],
    ['**/check.ts', '**/pipeline.ts', '**/library.ts', '**/region.ts'],
  ),
  ...layer(
    'src/render/**/*.ts',
    ['store', 'cli', 'read', 'extract', 'rules'],
    ['**/check.ts', '**/pipeline.ts', '**/library.ts', '**/region.ts'],
  ),
  ...layer(
    'src/store/**/*.ts',
    ['cli', 'render', 'read', 'extract', 'rules'],
    ['**/check.ts', '**/pipeline.ts', '**/region.ts'],
  ),
  // Files read under limits on worker threads (the CLI's batches, the server's uploads, the queue's jobs): above the
  // pipeline, below every caller.
  ...layer(
    'src/isolate/**/*.ts',
    ['cli', 'server', 'store', 'queue', 'render', 'aggregate'],
    ['**/library.ts', '**/region.ts'],
  ),
  // The HTTP API calls the layers as the CLI does, never the CLI.
  ...layer('src/server/**/*.ts', ['cli']),
  {
    // design.md: library code never exits the process or prints; only src/cli may.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message: 'only src/cli may exit',
        },
        { selector: "MemberExpression[object.name='console']", message: 'library code does not print' },
      ],
    },
  },
  // The browser app: React's hook rules, browser globals; it may use the browser-safe layers (model, rules,
  // findings) but never the server side, and only types of the API's schemas (import type).
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        XMLHttpRequest: 'readonly',
        EventSource: 'readonly',
        URLSearchParams: 'readonly',
        Intl: 'readonly',
      },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['read', 'extract', 'store', 'cli', 'aggregate'].map((f) => ({
              group: [`**/src/${f}/**`],
              message: `design.md: web/ may not import src/${f}/ (it runs in the browser; ask the API)`,
            })),
            // The official layout of the tables is drawn from the one module every renderer draws from.
            {
              group: ['**/src/render/**', '!**/src/render/layout.ts'],
              message: 'web/ may import only src/render/layout.ts of the renderers',
            },
            {
              group: ['**/src/server/**'],
              allowTypeImports: true,
              message: 'web/ may import only the types of the API (import type)',
            },
            { group: ['node:*'], message: 'web/ runs in the browser' },
          ],
        },
      ],
    },
  },
);
