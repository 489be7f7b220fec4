// Lint: typescript-eslint's recommended rules over every part, and the folder boundaries of
// docs/ARCHITECTURE.md ("Where code lives") as import rules, so a wrong-way import fails CI.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// ── folder boundaries ─────────────────────────────────────────────────────
const NATIVE_AND_ELECTRON = ['electron', 'sqlite3', 'sharp'];
const tests = ['**/*.test.ts', '**/*.test.tsx'];
/** One `no-restricted-imports` rule: module names (exact) and path groups (gitignore globs), each with why. */
const boundary = (why, { names = [], groups = [], regex }) => [
  'error',
  {
    paths: names.map((name) => ({ name, message: why })),
    patterns: [...(groups.length ? [{ group: groups, message: why }] : []), ...(regex ? [{ regex, message: why }] : [])],
  },
];
const boundaries = [
  {
    // Pure engines: run anywhere (renderer, backend, CLI, workers) on plain data.
    files: ['checklists/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': boundary('checklists/ is a pure engine: no I/O, no Electron, no storage — take data as arguments (ARCHITECTURE: Pure engines).', {
        names: [...builtinModules, ...NATIVE_AND_ELECTRON],
        groups: ['node:*', '**/electron/**', '**/renderer/**', '**/geo/**'],
        // data/reference is pure (bundled JSON) and is being turned into arguments (reference pack).
        regex: '(^|/)data/(?!reference/|fonts/)',
      }),
    },
  },
  {
    files: ['geo/core/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': boundary('geo/core is the pure site-study engine: readers, writers and workers live in geo/io, the CLI in electron/cli (ARCHITECTURE: Pure engines).', {
        names: [...builtinModules, ...NATIVE_AND_ELECTRON],
        groups: ['node:*', '**/electron/**', '**/data/**', '**/renderer/**', '**/io/**'],
      }),
    },
  },
  {
    // The UI never touches SQLite or the file system: it calls the typed API.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: tests,
    rules: {
      'no-restricted-imports': boundary('renderer/ reaches the backend only through api() (renderer/src/api/client.ts): no node:, no data/, no backend/main/host/CLI code (ARCHITECTURE: The API).', {
        names: [...builtinModules, ...NATIVE_AND_ELECTRON],
        groups: ['node:*', '**/electron/backend/**', '**/electron/main/**', '**/electron/host/**', '**/electron/cli/**', '**/electron/preload/**', '**/geo/io/**'],
        // data/reference is pure (bundled JSON, dated figures) and data/fonts holds the shipped font files (the map draws its labels with them); both are shared with the UI, the rest is storage.
        regex: '(^|/)data/(?!reference/|fonts/)',
      }),
      // The API boundary is typed end to end: a cast to never/any would switch the check off.
      'no-restricted-syntax': [
        'error',
        { selector: 'TSAsExpression > TSNeverKeyword', message: 'No `as never` in the renderer: type the value as the method\'s input (ApiInput<M>) instead.' },
        { selector: 'TSAsExpression > TSAnyKeyword', message: 'No `as any` in the renderer: type the value as the method\'s input (ApiInput<M>) instead.' },
      ],
    },
  },
  {
    files: ['data/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': boundary('data/ is storage under the backend: it never imports the UI, the backend, Electron main, the host or the CLI (ARCHITECTURE: Storage).', {
        names: ['electron'],
        groups: ['**/renderer/**', '**/electron/main/**', '**/electron/backend/**', '**/electron/host/**', '**/electron/cli/**', '**/electron/preload/**'],
      }),
    },
  },
  {
    files: ['electron/api/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': boundary('electron/api/ is the contract every side imports (renderer included): schemas and types only, no storage, no backend, no Node I/O.', {
        names: [...builtinModules, ...NATIVE_AND_ELECTRON],
        groups: ['node:*', '**/electron/backend/**', '**/electron/main/**', '**/electron/host/**', '**/electron/cli/**', '**/renderer/**', '**/data/db/**', '**/data/repos/**', '**/data/crypto/**', '**/geo/io/**'],
      }),
    },
  },
  {
    // Shared backend work lives in services; one module never calls another module's handler
    // (that would skip validation and the session check).
    files: ['electron/backend/services/**/*.ts', 'electron/backend/viewings/**/*.ts', 'electron/backend/reports/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': boundary('Call a service (electron/backend/services/), not a handler: handlers are the API\'s entry points.', {
        groups: ['**/handlers/**'],
      }),
    },
  },
];

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
  ...boundaries,
);
