// ESLint flat config (`npm run lint`, run by .ci/run). JavaScript's and typescript-eslint's
// recommended rules, plus the type-aware rules that catch real bugs: a promise nobody awaits
// or catches, a promise passed where a plain value is expected (a callback whose rejection
// nobody sees), `await` on something that is not a promise, throwing a non-Error, `for…in`
// over an array. Formatting is not linted; `npm run typecheck` stays the type checker.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'test-artifacts/**', 'bench/out/**', 'src/generated/**', 'node_modules/**'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.{mjs,mts}', 'scripts/**/*.mjs', '*.config.{js,ts}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        // One program for every linted file (see tsconfig.eslint.json), so the type-aware
        // rules also see the tests, benchmarks and scripts.
        project: './tsconfig.eslint.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      // The block scanner declines a construct by throwing `Unsupported`, a deliberately bare
      // class (no stack trace to capture on a hot path); a caught `unknown` may be rethrown.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allowThrowingUnknown: true,
          allow: [{ from: 'file', name: 'Unsupported', path: 'src/documents/scanner/unsupported.ts' }],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // The house style: a type-only import says so (`import type`, or `type X` inline); an
      // inline `import('x').T` type stays allowed (it names a lazily loaded module's types).
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' }],
      // `any` marks the few places whose shape is checked at run time (JSON read from a
      // subprocess or the network, commander's type-level inference); strict mode already
      // forbids an implicit one.
      '@typescript-eslint/no-explicit-any': 'off',
      // The tool makes control characters visible and rejects them on purpose (src/visible.ts,
      // the scanners), so regular expressions name them.
      'no-control-regex': 'off',
      // Expected terminal output is written as it looks, two spaces included.
      'no-regex-spaces': 'off',
    },
  },
  {
    // The browser code runs in the page, not in Node.
    files: ['src/report/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // bench/generate.d.mts declares this module's types, so TypeScript reads the declaration
    // instead of the file: it is linted without type information.
    files: ['bench/generate.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
