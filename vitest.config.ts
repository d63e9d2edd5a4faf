import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The default output, and an end to the run when a test is stuck past any timeout (see there).
    reporters: ['default', './test/helpers/stuck-test-reporter.ts'],
    // `npm run coverage`. Counts code run inside the test processes; the CLI that end-to-end
    // tests run as a subprocess (the esbuild bundle) is not instrumented.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/generated/**'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
