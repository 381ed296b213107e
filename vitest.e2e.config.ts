import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium (playwright-core) and
// firefox-esr (puppeteer-core). One file at a time: 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // Sized for a loaded 2-core CI machine: a page load plus a round trip through the service
    // worker (with its 300 ms of batching) can take seconds there. Every expect.poll gets the
    // same generous default; tests never pass a shorter one.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
