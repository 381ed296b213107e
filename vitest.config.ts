import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Property tests (fast-check, 100+ runs) and the IndexedDB imports take 1-3 s on an idle
    // 2-core machine and several times that when it is loaded: a budget sized for the loaded case,
    // so a slow CI machine is never red by chance. Speed is measured in `npm run bench`, not here.
    testTimeout: 30_000,
  },
});
