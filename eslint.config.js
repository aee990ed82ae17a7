// Lint configuration: typescript-eslint recommended rules plus the layer rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // design.md: src/model imports nothing else from src/.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../read/*', '../extract/*', '../cli/*', '../rules/*', '../render/*', '../store/*'] },
      ],
    },
  },
  {
    // design.md: readers know nothing about report rows or rules (their tests may extract what they read).
    files: ['src/read/**/*.ts'],
    ignores: ['src/read/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../extract/*', '../cli/*', '../rules/*', '../model/formats*', '../model/format-*'] },
      ],
    },
  },
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
);
