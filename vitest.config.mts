import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    setupFiles: ['tests/setup/fastCheckSeed.ts'],
    hookTimeout: 60_000,
    // The JSON file feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
