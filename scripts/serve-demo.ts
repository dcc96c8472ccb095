import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Serves the built demo console (.output/demo) under /kefu-demo/ and test fixture pages under /kefu-demo/fixtures/, on loopback only. */
export const DEMO_PORT = Number(process.env.KEFU_DEMO_PORT ?? 5178);

/** The demo's port is taken: one line saying how to choose another, not a stack trace. */
export class DemoPortTakenError extends Error {
  constructor(port: number, command = 'npm run demo') {
    super(`Port ${port} is already in use (another demo or dev server?). Choose another with KEFU_DEMO_PORT, e.g. KEFU_DEMO_PORT=${port + 1} ${command}`);
  }
}

/** For the command-line scripts: a taken port is said in one line and exits 1; anything else is thrown as it is. */
export function exitIfPortTaken(error: unknown): never {
  if (error instanceof DemoPortTakenError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

export function demoUrl(port: number, query = ''): string {
  return `http://localhost:${port}/kefu-demo/${query ? `?${query.replace(/^\?/, '')}` : ''}`;
}

export async function startDemoServer(port = DEMO_PORT): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const demo = sirv(fileURLToPath(new URL('../.output/demo', import.meta.url)), { dev: true });
  const fixtures = sirv(fileURLToPath(new URL('../test/fixtures', import.meta.url)), { dev: true });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (url.startsWith('/kefu-demo/fixtures/')) {
      req.url = url.slice('/kefu-demo/fixtures'.length);
      return fixtures(req, res, notFound);
    }
    if (url === '/' || url === '/kefu-demo') {
      res.writeHead(302, { location: '/kefu-demo/' });
      return res.end();
    }
    if (url.startsWith('/kefu-demo/')) {
      req.url = url.slice('/kefu-demo'.length);
      return demo(req, res, notFound);
    }
    notFound();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new DemoPortTakenError(port) : error));
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, port: actualPort, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { port } = await startDemoServer().catch(exitIfPortTaken);
  console.log(`Demo console: ${demoUrl(port)}`);
}
