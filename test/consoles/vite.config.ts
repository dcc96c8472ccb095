import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The real consoles' pages as public code shows them (../shared/CONSOLES.md), rebuilt with each console's
 * own framework, one folder per console (test/consoles/<site>/index.html). Built into .output/consoles/ and
 * served under the consoles' real host names over HTTPS by scripts/serve-consoles.ts, so the match
 * patterns that ship are the ones the end-to-end tests load. Assets live under one path of their own, so a
 * page may sit at any of its console's paths.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const sites = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(`${root}/${d.name}/index.html`));

export const FIXTURE_ASSETS = '/__kefu-fixture__/';

export default defineConfig({
  root,
  base: FIXTURE_ASSETS,
  // React here is the real React (Douyin's console is React): no Preact aliasing in this build.
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../.output/consoles', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: Object.fromEntries(sites.map((d) => [d.name, `${root}/${d.name}/index.html`])) },
  },
});
