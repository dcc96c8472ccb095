import { browser } from 'wxt/browser';
import type { CustomSiteBrowser, PickerConfig } from '@/lib/custom-site-handlers';
import { sitePermission } from '@/lib/custom-site-handlers';
import { customMatchPattern, type CustomAdapter } from '@/lib/sites/custom/schema';

/** Registered content scripts of taught consoles carry this prefix; the rest are not ours to touch. */
const SCRIPT_PREFIX = 'kefu-custom-';
/** The built content script (WXT's output for entrypoints/content) and the picker's. */
const CONTENT_SCRIPT = 'content-scripts/content.js';
const PICKER_SCRIPT = 'content-scripts/picker.js';

/** The browser's side of taught consoles: permissions, registered content scripts, the picker. */
export const customSiteBrowser: CustomSiteBrowser = {
  hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
  async dropPermission(origin) {
    await browser.permissions.remove({ origins: [origin] });
  },
  async syncScripts(sites) {
    const granted = (await Promise.all(sites.map(async (site) => ((await customSiteBrowser.hasPermission(sitePermission(site))) ? site : null)))).filter((s): s is CustomAdapter => s !== null);
    const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
    const wanted = new Map(granted.map((site) => [`${SCRIPT_PREFIX}${site.id}`, customMatchPattern(site)]));
    const stale = registered.filter((s) => wanted.get(s.id) !== s.matches?.[0]).map((s) => s.id);
    if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(registered.map((s) => s.id).filter((id) => !stale.includes(id)));
    const add = [...wanted].filter(([id]) => !have.has(id));
    if (add.length) {
      await browser.scripting.registerContentScripts(
        // Top frame only: a taught console is read in the page the agent pointed at.
        add.map(([id, match]) => ({ id, matches: [match], js: [CONTENT_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: true })),
      );
    }
  },
  async runIn(tabId) {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  },
  async startPicker(tabId, config: PickerConfig) {
    try {
      // Run in the content scripts' world first: the picker reads what it is to do from there.
      await browser.scripting.executeScript({
        target: { tabId },
        func: (value: string) => {
          (globalThis as unknown as { __kefuPicker?: string }).__kefuPicker = value;
        },
        args: [JSON.stringify(config)],
      });
      await browser.scripting.executeScript({ target: { tabId }, files: [PICKER_SCRIPT] });
      return true;
    } catch {
      // No permission for the page (refused, or a page no extension may touch): nothing was changed.
      return false;
    }
  },
};
