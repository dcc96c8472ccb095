import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: fake browser APIs (WxtVitest), fake IndexedDB, happy-dom.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.ts', 'test/components/**/*.test.tsx'],
    setupFiles: ['test/support/setup.ts'],
  },
});
