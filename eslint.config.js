// Lint: typescript-eslint's type-checked rules, plus the one-way layers of docs/architecture.md
// (shared imports nothing of ours; server and addin import shared, never each other).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (from, forbidden) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((to) => ({
          group: [`**/${to}/*`, `**/${to}`],
          message: `${from}/ must not import ${to}/ (layers point one way: server → shared, addin → shared).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'artifacts', 'coverage', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
      // Small units: a file is one idea, a function takes at most a few things (then an
      // options object). Test files and fixtures are exempt from the line count.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-params': ['error', 4],
    },
  },
  {
    // Office.js lives behind the port: only addin/excel/ may touch the Office and Excel globals.
    files: ['addin/**/*.{ts,tsx}'],
    ignores: ['addin/excel/**'],
    rules: { 'no-restricted-globals': ['error', 'Office', 'Excel', 'OfficeExtension'] },
  },
  layer('shared', ['server', 'addin', 'test', 'bench']),
  layer('server', ['addin']),
  layer('addin', ['server']),
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'fetch', 'console', 'Office', 'Excel'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'shared/ is pure: pass a clock in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'shared/ is pure: pass a clock in.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'server/cli.ts', 'server/main.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Test files hold many cases, and their helpers mirror the protocol's fields positionally;
    // bench scripts are measurement scripts read top to bottom, not product code.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines': 'off', 'max-params': 'off' },
  },
  {
    // Tests read JSON answers whose shape their assertions check; typing every body would
    // only restate the zod schemas the server already enforces.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'mocha', name: ['it', 'describe'] }],
        },
      ],
    },
  },
);
