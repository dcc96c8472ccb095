import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The demo console is a web page of its own, served under /kefu-demo/ (the path the extension's demo adapter matches).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/kefu-demo/',
  // The composers in demo/composers/ embed the real React (Draft.js, Slate, a React textarea), so React must
  // not be aliased to preact/compat here as the preset does by default. Preact's own code never imports 'react'.
  plugins: [preact({ reactAliasesEnabled: false })],
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../.output/demo', import.meta.url)), emptyOutDir: true },
});
