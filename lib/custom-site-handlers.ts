import type { KefuDatabase } from './db';
import { explainZodError } from './json-file';
import type { CustomSiteMessageName, Handlers } from './protocol';
import { RefusalError } from './refusal';
import { adapterForUrl } from './sites/registry';
import type { AdapterFix } from './sites/custom/fix';
import { CustomAdapterSchema, hostMatches, sitePattern, type CustomAdapter } from './sites/custom/schema';
import type { HealthSummary } from './sites/health';

/** The origin permission a taught console needs: its scheme and host, any path (what permissions.request takes). */
export function sitePermission(site: Pick<CustomAdapter, 'scheme' | 'host'>): string {
  return `${site.scheme}://${site.host}/*`;
}

/** What the worker asks of the browser for taught consoles; tests give a fake. */
export interface CustomSiteBrowser {
  /** Whether the agent granted `origin` (a match pattern). */
  hasPermission(origin: string): Promise<boolean>;
  /** Gives `origin` back. */
  dropPermission(origin: string): Promise<void>;
  /** Makes the registered content scripts exactly the taught consoles' that have their permission. */
  syncScripts(sites: readonly CustomAdapter[]): Promise<void>;
  /** Runs the content script in a tab now (a newer copy replaces the running one and reads the page again). */
  runIn(tabId: number): Promise<void>;
  /** Runs the picker in a tab with what it is to point at. */
  startPicker(tabId: number, config: PickerConfig): Promise<boolean>;
}

/** What the picker is asked to do in a page (entrypoints/picker.content). */
export type PickerConfig = { mode: 'new' } | { mode: 'edit'; site: CustomAdapter } | { mode: 'fix'; base: string; parts: string[] };

export type CustomSiteHandlers = Pick<Handlers, CustomSiteMessageName>;

/** A record from a page or a file, checked; refused with the field named. */
function checked(raw: unknown, entry?: number): CustomAdapter {
  const result = CustomAdapterSchema.safeParse(raw);
  if (!result.success) throw new RefusalError(`${entry === undefined ? '' : `entry ${entry + 1}: `}${explainZodError(result.error, raw)}`);
  return result.data;
}

/** How long a teaching the popup announced waits for the browser's grant. */
const PENDING_MS = 120_000;

export function createCustomSiteHandlers(db: KefuDatabase, browser: CustomSiteBrowser, now: () => number = Date.now): CustomSiteHandlers & { permissionsAdded(origins: readonly string[]): Promise<void> } {
  /** Teachings the popup announced, by the site asked for. */
  const pending = new Map<string, { tabId: number; edit?: string; at: number }>();
  const startIn = async (tab: number, edit?: string) => {
    if (edit) {
      const site = await db.customSites.get(edit);
      return site ? browser.startPicker(tab, { mode: 'edit', site }) : false;
    }
    return browser.startPicker(tab, { mode: 'new' });
  };
  const sync = async () => browser.syncScripts(await db.customSites.toArray());
  const needPermission = async (site: CustomAdapter) => {
    if (!(await browser.hasPermission(sitePermission(site)))) throw new RefusalError(`no permission for ${site.host}: nothing was saved`);
  };
  // A built-in console's own content script runs there already: a taught console overriding it needs none of its own.
  const builtInServes = (site: CustomAdapter) => adapterForUrl(`${site.scheme}://${site.host.replace(/^\*\./, '')}${site.pathPrefix}`) !== undefined;

  return {
    /** The browser granted sites: a teaching announced for one of them starts now. */
    async permissionsAdded(origins) {
      for (const origin of origins) {
        const wanted = pending.get(origin);
        pending.delete(origin);
        if (wanted && now() - wanted.at <= PENDING_MS) await startIn(wanted.tabId, wanted.edit).catch(() => false);
      }
    },
    async 'picker.pending'({ tabId, origin, edit }) {
      pending.set(origin, { tabId, at: now(), ...(edit ? { edit } : {}) });
      return {};
    },
    async 'customSites.list'() {
      const [sites, fixes, tabs] = await Promise.all([db.customSites.orderBy('id').toArray(), db.adapterFixes.toArray(), db.tabs.toArray()]);
      const health: Record<string, HealthSummary> = {};
      for (const tab of tabs) if (tab.health) health[tab.site] = tab.health;
      return { sites, fixes, health };
    },
    async 'customSites.forUrl'({ url }) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { site: null, fix: null };
      }
      const sites = await db.customSites.toArray();
      const site = sites.find((s) => parsed.protocol === `${s.scheme}:` && hostMatches(s.host, parsed.hostname) && parsed.pathname.startsWith(s.pathPrefix)) ?? null;
      const builtIn = adapterForUrl(parsed);
      const fix = site || !builtIn ? null : ((await db.adapterFixes.get(builtIn.id)) ?? null);
      // The popup announced teaching this site and the browser has not granted it: the agent said no.
      const origin = sitePattern(parsed);
      const asked = pending.get(origin);
      const refused = asked !== undefined && now() - asked.at <= PENDING_MS && !(await browser.hasPermission(origin));
      return { site, fix, ...(refused ? { refused } : {}) };
    },
    async 'customSites.save'({ site: raw, tabId }, sender) {
      const site = checked(raw);
      await needPermission(site);
      await db.customSites.put(site);
      if (!builtInServes(site)) await sync();
      const tab = tabId ?? sender.tabId;
      if (tab !== undefined) await browser.runIn(tab).catch(() => undefined);
      return site;
    },
    async 'customSites.delete'({ id }) {
      const site = await db.customSites.get(id);
      if (!site) return { deleted: false };
      await db.customSites.delete(id);
      await sync();
      // The permission goes back unless another taught console of the same site still needs it.
      const others = (await db.customSites.toArray()).some((s) => sitePermission(s) === sitePermission(site));
      if (!others && !builtInServes(site)) await browser.dropPermission(sitePermission(site)).catch(() => undefined);
      return { deleted: true };
    },
    async 'customSites.import'({ sites: raws }) {
      const sites = raws.map((raw, i) => checked(raw, i));
      for (const site of sites) await needPermission(site);
      let replaced = 0;
      await db.transaction('rw', db.customSites, async () => {
        for (const site of sites) {
          if (await db.customSites.get(site.id)) replaced++;
          await db.customSites.put(site);
        }
      });
      await sync();
      return { added: sites.length - replaced, replaced };
    },
    async 'adapterFix.save'({ fix, tabId }, sender) {
      await db.adapterFixes.put(fix satisfies AdapterFix);
      const tab = tabId ?? sender.tabId;
      if (tab !== undefined) await browser.runIn(tab).catch(() => undefined);
      return {};
    },
    async 'adapterFix.delete'({ base }) {
      const had = (await db.adapterFixes.get(base)) !== undefined;
      await db.adapterFixes.delete(base);
      return { deleted: had };
    },
    async 'picker.start'({ tabId, fix, base, edit }, sender) {
      const tab = tabId ?? sender.tabId;
      if (tab === undefined) return { started: false };
      if (fix) {
        // The console being fixed: named, or the one the tab last reported from.
        const adapter = base ?? (await db.tabs.get(tab))?.site;
        return { started: adapter ? await browser.startPicker(tab, { mode: 'fix', base: adapter, parts: fix }) : false };
      }
      return { started: await startIn(tab, edit) };
    },
  };
}
