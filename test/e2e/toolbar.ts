import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { WebSocket } from 'ws';

/**
 * What an agent does with the browser itself, for the tests that need it: the toolbar button's popup (opened
 * as a click on the button does, so that activeTab is granted) and the browser's own permission prompt,
 * answered from the keyboard on a virtual display. Playwright attaches to neither: the popup is driven over
 * the browser's CDP session (Target.sendMessageToTarget), the prompt by xdotool.
 */

/** A virtual display for a headed browser; DISPLAY is set for the browsers launched after it. */
export async function startVirtualDisplay(): Promise<{ stop: () => void }> {
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  process.env.DISPLAY = display;
  await new Promise((resolve) => setTimeout(resolve, 800));
  return { stop: () => xvfb.kill() };
}

/** Keys to the focused window (the browser's permission bubble takes the focus when it opens). */
export function pressKeys(...keys: string[]): void {
  for (const key of keys) {
    const result = spawnSync('xdotool', ['key', key], { env: process.env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`xdotool key ${key}: ${result.stderr}`);
  }
}

export interface Popup {
  /** Runs an expression in the popup as if the agent's click ran it (userGesture). */
  evaluate<T>(expression: string): Promise<T>;
  closed(): Promise<boolean>;
}

/** The port the headed browser also listens on for CDP, so the popup (which Playwright does not attach to) can be reached. */
export const DEBUG_PORT = 9400 + Math.floor(Math.random() * 500);

/** Clicks the toolbar button on the tab showing `url`; the popup it opens, driven over its own CDP connection. */
export async function openToolbarPopup(context: BrowserContext, extensionId: string, url: string): Promise<Popup> {
  const cdp: CDPSession = await context.browser()!.newBrowserCDPSession();
  const { targetInfos: tabs } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as { targetInfos: { targetId: string; url: string }[] };
  const tab = tabs.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab at ${url}`);
  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  await cdp.detach();
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  type Listed = { id: string; url: string; type: string; webSocketDebuggerUrl: string };
  const list = async () => (await (await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/list`)).json()) as Listed[];
  let target: Listed | undefined;
  for (let i = 0; i < 50 && !target; i++) {
    target = (await list()).find((t) => t.url.startsWith(popupUrl) && t.type === 'page');
    if (!target) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!target) throw new Error('the popup did not open');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  let nextId = 1;
  const pending = new Map<number, (message: { result?: { result: { value: unknown }; exceptionDetails?: { text: string } }; error?: { message: string } }) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number };
    if (message.id !== undefined) pending.get(message.id)?.(message as never);
  });
  const targetId = target.id;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const id = nextId++;
      const answer = new Promise<{ result?: { result: { value: unknown }; exceptionDetails?: { text: string } }; error?: { message: string } }>((resolve) => pending.set(id, resolve));
      socket.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, userGesture: true, awaitPromise: true, returnByValue: true } }));
      const reply = await answer;
      if (reply.error) throw new Error(reply.error.message);
      if (reply.result?.exceptionDetails) throw new Error(reply.result.exceptionDetails.text);
      return reply.result!.result.value as T;
    },
    async closed() {
      return !(await list()).some((t) => t.id === targetId);
    },
  };
}
