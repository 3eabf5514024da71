import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (*.test.ts) and in tests/unit; e2e specs belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'exercises/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules', 'dist', '.tools', 'tests/e2e/**'],
    testTimeout: 20000,
  },
});
