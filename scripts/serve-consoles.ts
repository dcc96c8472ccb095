import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { fileURLToPath } from 'node:url';
import selfsigned from 'selfsigned';
import sirv from 'sirv';

/**
 * The fixture consoles (test/consoles/<site>/, built into .output/consoles/) served over HTTPS under the
 * real consoles' host names, on loopback only: Chromium is told to resolve those names to this server
 * (`--host-resolver-rules`) and to accept its throwaway certificate, so the extension's shipped match
 * patterns are the ones the tests load. Any path on a console's host serves that console's page (the
 * consoles are single-page apps); `/__kefu-fixture__/` serves the built assets.
 */
export const CONSOLE_HOSTS: Record<string, string> = {
  'mms.pinduoduo.com': 'pinduoduo',
  'im.jinritemai.com': 'douyin',
  'dongdong.jd.com': 'jd',
  'qn.taobao.com': 'taobao',
  'market.m.taobao.com': 'taobao',
  'gsp.aliexpress.com': 'aliexpress',
};
const ASSETS = '/__kefu-fixture__/';
const BUILT = fileURLToPath(new URL('../.output/consoles', import.meta.url));

/** Chromium flags that send the consoles' host names to `port` on loopback and accept its certificate. */
export function consoleBrowserArgs(port: number): string[] {
  const rules = Object.keys(CONSOLE_HOSTS).map((host) => `MAP ${host}:443 127.0.0.1:${port}`);
  return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
}

export async function startConsoleServer(port = 0): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  if (!existsSync(BUILT)) throw new Error(`No fixture consoles in ${BUILT}: run "npm run build:consoles" first.`);
  const hosts = Object.keys(CONSOLE_HOSTS);
  // A certificate for this run only, for the consoles' names: it never leaves this process.
  const pems = await selfsigned.generate([{ name: 'commonName', value: hosts[0]! }], {
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) }],
  });
  const assets = sirv(BUILT, { dev: true });
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const site = CONSOLE_HOSTS[(req.headers.host ?? '').replace(/:\d+$/, '')];
    const url = req.url ?? '/';
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (!site) return notFound();
    if (url.startsWith(ASSETS)) {
      req.url = url.slice(ASSETS.length - 1);
      return assets(req, res, notFound);
    }
    const page = `${BUILT}/${site}/index.html`;
    if (!existsSync(page)) return notFound();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(page));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, port: actualPort, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
