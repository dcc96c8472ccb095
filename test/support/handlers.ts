import type { KefuDatabase } from '@/lib/db';
import type { Handlers } from '@/lib/protocol';
import { presetProfile } from '@/lib/metric-profiles';
import { MetricsStore } from '@/lib/metrics-store';
import { Tracker } from '@/lib/tracker';
import { createHandlers, type WorkerDeps } from '@/lib/worker-handlers';
import { emptyCounters, finalizeMetrics } from '@/lib/metrics';
import { presetProfiles } from '@/lib/metric-profiles';
import type { MetricsView } from '@/lib/protocol';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { defaultTargets } from '@/lib/targets';
import { afterSaleSummary } from '@/lib/after-sale';
import { createAfterSaleHandlers } from '@/lib/after-sale-handlers';
import { createCustomSiteHandlers, type CustomSiteBrowser, type PickerConfig } from '@/lib/custom-site-handlers';
import { defaultAfterSaleSettings } from '@/lib/settings';
import { defaultThresholds } from '@/lib/waiting';

const DAY = { id: 'day:2026-11-23', start: Date.UTC(2026, 10, 22, 16), end: Date.UTC(2026, 10, 23, 16) };

/** The popup's data for an empty day, with any field replaced. */
export function metricsView(change: Partial<MetricsView> = {}): MetricsView {
  return {
    view: 'day',
    period: DAY,
    shift: null,
    profile: presetProfiles[0]!,
    timeZone: 'Asia/Shanghai',
    metrics: finalizeMetrics(emptyCounters(DAY)),
    targets: defaultTargets,
    thresholds: defaultThresholds,
    waits: [],
    waitsTotal: 0,
    alerts: { warn: 0, breach: 0 },
    guard: { warn: 0, held: 0 },
    consoles: [],
    now: DAY.start + 10 * 3_600_000,
    ...change,
  };
}

/** Handlers that answer from fixed data, for tests of the sending side; override the ones a test is about. */
export function stubHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'chat.events': async ({ events }) => ({ added: events.length, waits: [], rejected: [], queue: { waits: [], total: 0 } }),
    'chat.conversations': async () => ({ waits: [], rejected: [], queue: { waits: [], total: 0 } }),
    'queue.open': async () => ({ opened: false }),
    'tab.health': async () => ({}),
    'alerts.refresh': async () => ({ text: '', color: null }),
    'snippets.list': async () => defaultSnippets,
    'snippets.used': async () => ({ uses: 1 }),
    'snippets.save': async ({ snippet }) => ({ ...snippet, order: 0, uses: 0 }),
    'snippets.delete': async () => ({ deleted: true }),
    'snippets.folder': async () => ({ changed: 0 }),
    'snippets.move': async () => defaultSnippets,
    'snippets.import': async ({ snippets }) => ({ added: snippets.length, replaced: 0, skipped: 0 }),
    'metrics.get': async ({ view }) => metricsView({ view }),
    'shift.start': async () => ({ id: 1, start: 0, end: null }),
    'shift.end': async () => null,
    'export.events': async () => {
      throw new Error('no export in this stub');
    },
    'guard.record': async () => ({}),
    'customSites.list': async () => ({ sites: [], fixes: [], health: {} }),
    'customSites.forUrl': async () => ({ site: null, fix: null }),
    'customSites.save': async () => {
      throw new Error('no taught consoles in this stub');
    },
    'customSites.delete': async () => ({ deleted: false }),
    'customSites.import': async ({ sites }) => ({ added: sites.length, replaced: 0 }),
    'adapterFix.save': async () => ({}),
    'adapterFix.delete': async () => ({ deleted: false }),
    'picker.start': async () => ({ started: false }),
    'picker.pending': async () => ({}),
    'cases.list': async () => [],
    'cases.open': async () => ({ ok: false, errors: { orderNumber: 'afterSale.error.orderNumberRequired' } }),
    'cases.advance': async () => ({ ok: false, error: 'afterSale.error.stepUnknown' }),
    'cases.platform': async () => {
      throw new Error('no case in this stub');
    },
    'cases.summary': async () => ({ summary: afterSaleSummary([], 0), problems: [], reminders: [], total: 0, now: 0 }),
    'cases.reminders': async () => [],
    'cases.import': async ({ cases }) => ({ added: cases.length, replaced: 0 }),
    ...overrides,
  };
}

/** The worker's real handlers over `db`, at a fixed clock, with the default settings. */
export function workerHandlers(db: KefuDatabase, now: number, snippetsChanged?: () => void, extra: Partial<WorkerDeps> = {}): Handlers {
  const counting = () => ({ profile: presetProfile('default')!, timeZone: 'Asia/Shanghai' });
  const afterSale = createAfterSaleHandlers({ db, settings: () => defaultAfterSaleSettings, now: () => now });
  const worker = createHandlers({
    db,
    tracker: new Tracker(db, () => defaultThresholds, () => now),
    metrics: new MetricsStore(db, counting, () => now),
    counting,
    targets: () => defaultTargets,
    thresholds: () => defaultThresholds,
    refresh: async () => undefined,
    snippetsChanged,
    now: () => now,
    ...extra,
  });
  return { ...worker, ...afterSale, ...createCustomSiteHandlers(db, grantingBrowser()) };
}

/** The browser's side of taught consoles, faked: every permission granted, what was registered and run remembered. */
export function grantingBrowser(granted = (_origin: string) => true) {
  const calls = { synced: [] as string[][], ranIn: [] as number[], dropped: [] as string[], pickers: [] as { tabId: number; config: PickerConfig }[] };
  const fake: CustomSiteBrowser & { calls: typeof calls } = {
    calls,
    hasPermission: async (origin) => granted(origin),
    dropPermission: async (origin) => void calls.dropped.push(origin),
    syncScripts: async (sites) => void calls.synced.push(sites.map((s) => s.id)),
    runIn: async (tabId) => void calls.ranIn.push(tabId),
    startPicker: async (tabId, config) => (calls.pickers.push({ tabId, config }), true),
  };
  return fake;
}
