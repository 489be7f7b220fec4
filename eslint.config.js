// Lint: typescript-eslint's recommended rules over every part, React hooks rules in the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'e2e/artifacts/**', 'bench/out/**', 'out/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // geo boundaries (docs/ARCHITECTURE.md "geo/"): the engine never reaches into the app, the CLI or
  // storage; its core is pure (no Node built-ins, no readers/writers), so it runs in a worker thread
  // or a browser with plain data in and out.
  {
    files: ['geo/**/*.ts'],
    ignores: ['**/*.test.ts', 'geo/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/data/**', '**/renderer/**'], message: 'geo/ is an engine: it imports nothing from the app (electron/, data/, renderer/).' },
        ],
      }],
    },
  },
  {
    files: ['geo/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/data/**', '**/renderer/**'], message: 'geo/ is an engine: it imports nothing from the app (electron/, data/, renderer/).' },
          { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'module', 'url'], message: 'geo/core is pure: file and process access belong in geo/io.' },
          { group: ['../io/*', '../io', '**/geo/io/**', 'iconv-lite', 'csv-parse', 'csv-parse/*'], message: 'geo/core is pure: readers, writers and workers are in geo/io, which imports the core (never the reverse).' },
        ],
      }],
    },
  },
  {
    // Tests build deliberately malformed inputs; `any` says so plainly there.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
