/**
 * `npm run dev`: the demo console from Vite's dev server (hot reload) and WXT's dev mode, which opens
 * Chromium (or CHROME_PATH) on the demo with the extension loaded and reloads it on every change.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { DEMO_PORT, demoUrl } from './serve-demo';

const vite = await createServer({ configFile: new URL('../demo/vite.config.ts', import.meta.url).pathname, server: { port: DEMO_PORT, strictPort: true, host: '127.0.0.1' } });
await vite.listen();
console.log(`Demo console: ${demoUrl(DEMO_PORT)}`);
const wxt = spawn('npx', ['wxt'], { stdio: 'inherit' });
wxt.on('exit', (code) => void vite.close().then(() => process.exit(code ?? 0)));
