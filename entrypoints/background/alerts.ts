import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { isolatedName } from '@/lib/page-data';
import type { Settings } from '@/lib/settings';
import type { Tracker } from '@/lib/tracker';
import type { BadgeState } from '@/lib/waiting';

const COLORS = { amber: '#d97706', red: '#dc2626' } as const;

interface BadgeApi {
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId?: number; color: string }): Promise<void>;
}
// MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge methods.
const action = (browser.action ?? browser.browserAction) as unknown as BadgeApi;
const iconUrl = () => (browser.runtime as unknown as { getURL(path: string): string }).getURL('/icon/128.png');

/**
 * Keeps the toolbar badge right: repaints it from the stored waits, logs threshold crossings, and arms a
 * one-shot timer for the next crossing so the badge changes within a second of it. Refreshes that are
 * asked for while one runs are folded into one more run.
 */
/** Stale after-sale cases: how many now, and when the next one turns stale (null: none will). */
export type ReminderSource = () => Promise<{ count: number; next: number | null }>;

export function createAlertLoop({ tracker, settings, reminders }: { tracker: Tracker; settings: () => Settings; reminders?: ReminderSource }) {
  let lastTitle = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  async function paint(tabId: number | undefined, badge: BadgeState): Promise<void> {
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.color) await action.setBadgeBackgroundColor({ tabId, color: COLORS[badge.color] });
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  }

  async function once(): Promise<void> {
    const { total, tabs } = await tracker.badges();
    await paint(undefined, total);
    for (const tab of tabs) {
      // A tab that no longer exists throws: forget it (its onRemoved may have come while we slept).
      await paint(tab.tabId, tab.badge).catch(() => tracker.detachTab(tab.tabId));
    }
    const fresh = await tracker.logCrossings();
    const { notifyOnBreach, thresholds } = settings();
    if (notifyOnBreach && browser.notifications) {
      for (const alert of fresh.filter((a) => a.markSec === thresholds.breachSec)) {
        await browser.notifications
          .create(alert.id, {
            type: 'basic',
            iconUrl: iconUrl(),
            title: t('notifyBreachTitle'),
            message: t('notifyBreachBody', isolatedName(alert.buyerName), String(alert.markSec)),
          })
          .catch(() => undefined);
      }
    }
    // The toolbar button's tooltip names the after-sale cases that sat too long in one step.
    const stale = reminders ? await reminders().catch(() => ({ count: 0, next: null })) : { count: 0, next: null };
    const title = stale.count > 0 ? `${t('extName')}\n${t('afterSaleRemindersTitle', String(stale.count))}` : t('extName');
    if (title !== lastTitle) {
      await action.setTitle({ title }).catch(() => undefined);
      lastTitle = title;
    }
    clearTimeout(timer);
    const crossing = await tracker.nextCrossing();
    const next = [crossing, stale.next].filter((at): at is number => at !== null).sort((a, b) => a - b)[0];
    if (next !== undefined) timer = setTimeout(() => void refresh(), Math.max(0, next - Date.now()) + 5);
  }

  async function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again);
    })().finally(() => (running = null));
    return running;
  }

  return { refresh };
}
