import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension, one browser per file, files one after another (2 cores).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A real browser under a loaded 2-core machine: give polled assertions a few seconds.
    expect: { poll: { timeout: 5_000, interval: 100 } },
  },
});
