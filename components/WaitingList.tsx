import { useEffect, useMemo, useState } from 'preact/hooks';
import { createTickClock, type TickClock } from '@/lib/tick-clock';
import { t, type MessageKey } from '@/lib/i18n';
import { isolatedName } from '@/lib/page-data';
import { alertLevel, byUrgency, nextCrossing, WAITING_ROWS, type Thresholds, type Waiting } from '@/lib/waiting';

/** m:ss, or h:mm:ss past an hour: what an agent reads at a glance. */
export function formatWait(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const everySecond = createTickClock();

/**
 * The clock the count-up runs on: `now` as given, then ticking every second while anyone waits, and at
 * each threshold crossing, so a row turns amber or red at the moment the badge does, not up to a second
 * later. The list ticks on its own so that a second passing redraws these rows and nothing else.
 */
function useTickingNow(now: number, waits: Waiting[], thresholds: Thresholds, clock: TickClock): number {
  const [ticked, setTicked] = useState(now);
  const running = waits.length > 0;
  useEffect(() => (running ? clock.subscribe(setTicked) : undefined), [running, clock]);
  const current = Math.max(now, ticked);
  useEffect(() => {
    const next = nextCrossing(waits, current, thresholds);
    if (next === null) return undefined;
    const timer = setTimeout(() => setTicked(Date.now()), Math.max(0, next - Date.now()) + 5);
    return () => clearTimeout(timer);
  }, [waits, thresholds, current]);
  return current;
}

/**
 * Buyers waiting for a manual reply, most urgent first, with a live count-up; a click opens the
 * conversation. At most WAITING_ROWS rows, and how many more wait (`total`: all who wait, when `waits` is
 * already only the most urgent of them).
 */
export function WaitingList({ waits, total = waits.length, now: givenNow, thresholds, onOpen, clock = everySecond }: { waits: Waiting[]; total?: number; now: number; thresholds: Thresholds; onOpen?: (w: Waiting) => void; clock?: TickClock }) {
  // Sorted once per new list, not on every second's tick (the tick's timers re-arm when this changes).
  const shown = useMemo(() => byUrgency(waits).slice(0, WAITING_ROWS), [waits]);
  const now = useTickingNow(givenNow, shown, thresholds, clock);
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
