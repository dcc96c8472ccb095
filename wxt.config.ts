import { execFileSync } from 'node:child_process';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The demo console's URL is also read by `npm run dev`, so it is named once here.
export const DEMO_PORT = Number(process.env.KEFU_DEMO_PORT ?? 5178);
export const DEMO_URL = `http://localhost:${DEMO_PORT}/kefu-demo/`;

/**
 * What the sources zip (addons.mozilla.org's review) holds: the files git tracks, so that nothing untracked
 * or ignored (a screenshot a command wrote, a debug log) goes in, less what a reviewer does not need to
 * build and read the extension and its demo: tests and their fixtures, benchmarks, screenshots, CI.
 * Null outside a git checkout (a build from the sources zip itself), where WXT's own choice applies.
 */
export function reviewSources(root = process.cwd()): string[] | null {
  let tracked: string[];
  try {
    tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\0');
  } catch {
    return null;
  }
  return tracked.filter((file) => file && !NOT_FOR_REVIEW.some((pattern) => pattern.test(file)));
}
const NOT_FOR_REVIEW = [/^test\//, /^bench\//, /^docs\/.*\.png$/, /^\.ci\//, /^\.gitignore$/];

/** A file name as a glob that matches only itself (WXT takes its sources as tinyglobby patterns). */
const literalGlob = (file: string) => file.replace(/[\\()[\]{}*?!+@]/g, '\\$&');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings through WXT's storage items. alarms: the 30-second backstop for the badge timers.
    // unlimitedStorage: a shift's events must never be evicted or refused for quota.
    // scripting: the content script registered for a console the agent taught (a custom site), at run time.
    // activeTab: the popup reads the address of the tab it was opened on, to offer teaching that page.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting', 'activeTab'],
    // Asked for only when the agent switches desktop notifications on.
    optional_permissions: ['notifications'],
    // A console the agent teaches (lib/sites/custom): its one origin is asked for when the picker starts on
    // it, and given back when its adapter is deleted. Nothing beyond the built-in consoles at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The sidebar draws in a frame of the extension's (entrypoints/sidebar), in the built-in consoles' pages
    // and in any console the agent teaches (lib/sites/custom), whose origin nobody knows at build time: Chrome
    // has no way to add a web-accessible origin at run time, so the frame is web-accessible to every origin
    // (README "Permissions" says what that exposes). use_dynamic_url would hide the fixed address, but
    // Chromium then refuses to load the frame at the address runtime.getURL gives.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['https://*/*', 'http://*/*'] }],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kefu-sidekick@kefu-sidekick.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on; desktop from 140.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Asked of git only when a sources zip is made, not on every build. Listed one by one, dot files
    // included (.nvmrc), so the zip holds these and nothing else.
    'zip:sources:start': (wxt) => {
      const files = reviewSources(wxt.config.zip.sourcesRoot);
      if (files) wxt.config.zip.includeSources = files.map(literalGlob);
    },
  },
  webExt: {
    // Without a display there is no browser window to open: `npm run dev` then only builds and watches.
    disabled: !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    startUrls: [DEMO_URL],
    chromiumArgs: ['--no-first-run', '--disable-sync', '--lang=zh-CN'],
  },
});
