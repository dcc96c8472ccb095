import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { isolatedName } from '@/lib/page-data';
import { alertLevel, byUrgency, nextRedraw, WAITING_ROWS, type Thresholds, type Waiting } from '@/lib/waiting';

/** m:ss, or h:mm:ss past an hour: what an agent reads at a glance. */
export function formatWait(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** setTimeout's longest delay: a longer one fires at once, with a TimeoutOverflowWarning in Node. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The clock the count-up runs on: redrawn at the moment the next shown wait reaches a whole second of its
 * own (and at each threshold crossing), so each row reads what the console's "已等 N 秒" reads, counted from
 * the wait's origin, and turns amber or red at the moment the badge does. A clock on a grid of its own
 * (started when the list was drawn) read up to a second behind the console's.
 */
function useTickingNow(now: number, waits: Waiting[], thresholds: Thresholds): number {
  const [ticked, setTicked] = useState(() => Date.now());
  const current = Math.max(now, ticked);
  useEffect(() => {
    const next = nextRedraw(waits, current, thresholds);
    if (next === null) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    // A redraw further off than setTimeout can wait (a `now` given far ahead of this machine's clock) is reached in steps.
    const arm = () => {
      const delay = Math.max(0, next - Date.now());
      timer = delay > LONGEST_TIMER_MS ? setTimeout(arm, LONGEST_TIMER_MS) : setTimeout(() => setTicked(Math.max(Date.now(), next)), delay);
    };
    arm();
    return () => clearTimeout(timer);
  }, [waits, thresholds, current]);
  return current;
}

/**
 * Buyers waiting for a manual reply, most urgent first, with a live count-up; a click opens the
 * conversation. At most WAITING_ROWS rows, and how many more wait (`total`: all who wait, when `waits` is
 * already only the most urgent of them).
 */
export function WaitingList({ waits, total = waits.length, now: givenNow, thresholds, onOpen }: { waits: Waiting[]; total?: number; now: number; thresholds: Thresholds; onOpen?: (w: Waiting) => void }) {
  // Sorted once per new list, not on every second's tick (the tick's timers re-arm when this changes).
  const shown = useMemo(() => byUrgency(waits).slice(0, WAITING_ROWS), [waits]);
  const now = useTickingNow(givenNow, shown, thresholds);
  if (!waits.length) return <p class="muted">{t('nobodyWaiting')}</p>;
  const more = Math.max(0, total, waits.length) - shown.length;
  // The one queue holds several shops' buyers: each row then names its shop.
  const shops = new Set(shown.map((w) => `${w.site}|${w.shopId}`)).size;
  return (
    <>
      <ul class="waiting-list">
        {shown.map((w) => {
          const waited = now - w.since;
          const level = alertLevel(waited, thresholds);
          // The name isolated: a right-to-left override in it must not turn the clock after it around.
          const label = t('waitingRow', isolatedName(w.buyerName), formatWait(waited));
          return (
            <li key={w.key}>
              <button type="button" class={`waiting waiting--${level}`} onClick={() => onOpen?.(w)} disabled={!onOpen} title={label} aria-label={label}>
                {w.threat && <span class="waiting-threat">{t('waitingThreat')}</span>}
                <bdi class="waiting-name">{w.buyerName}</bdi>
                {shops > 1 && <bdi class="waiting-shop">{`${t(`siteShort_${w.site}` as MessageKey)} · ${w.shopId}`}</bdi>}
                <span class="waiting-time">
                  <span class="waiting-clock">{formatWait(waited)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {more > 0 && <p class="muted waiting-more">{t('waitingMore', String(more))}</p>}
    </>
  );
}
