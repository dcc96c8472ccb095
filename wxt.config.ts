import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { siteOriginPatterns } from './lib/sites/registry';

// The demo console's URL is also read by `npm run dev`, so it is named once here.
export const DEMO_PORT = Number(process.env.KEFU_DEMO_PORT ?? 5178);
export const DEMO_URL = `http://localhost:${DEMO_PORT}/kefu-demo/`;

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
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // Asked for only when the agent switches desktop notifications on.
    optional_permissions: ['notifications'],
    // The sidebar draws in a frame of the extension's, in the consoles' pages only (entrypoints/sidebar).
    // Chrome's patterns name origins only, not paths (see README "Permissions"). use_dynamic_url would hide
    // the fixed address, but Chromium then refuses to load the frame at the address runtime.getURL gives.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: siteOriginPatterns() }],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kefu-sidekick@kefu-sidekick.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: {
    // Without a display there is no browser window to open: `npm run dev` then only builds and watches.
    disabled: !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    startUrls: [DEMO_URL],
    chromiumArgs: ['--no-first-run', '--disable-sync', '--lang=zh-CN'],
  },
});
