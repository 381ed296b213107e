import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium (playwright-core) and
// firefox-esr (puppeteer-core). One file at a time: 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
