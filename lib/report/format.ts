import { zoneOffset } from '../local-time';
import type { CountingUnit, MetricProfile } from '../metric-profiles';
import { HISTOGRAM_EDGES_SEC, type Period } from '../metrics';

/**
 * How a team lead reads figures and profiles, shared by `npm run metrics` (English) and the team report
 * (Chinese first, English after): both must say the same thing about the same export.
 */

/** 0.2 -> '20.0%'; null (nothing counted) -> '—', as the popup shows it. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** 66_250 ms -> '66.3 s'; null (nothing answered) -> '—'. */
export function seconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time in the zone: '2026-11-22 08:00'. */
export function localDateTime(at: number, timeZone: string): string {
  const d = new Date(at + zoneOffset(at, timeZone));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** 'UTC+08:00' at that instant (a zone's offset moves with daylight saving). */
export function utcOffset(at: number, timeZone: string): string {
  const minutes = Math.round(zoneOffset(at, timeZone) / 60_000);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** '2026-11-22 00:00 – 2026-11-23 00:00' (the end is exclusive, as everywhere in lib/metrics.ts). */
export function localPeriod(period: Period, timeZone: string): string {
  return `${localDateTime(period.start, timeZone)} – ${localDateTime(period.end, timeZone)}`;
}

/** Minutes from local midnight -> 'HH:MM'; 1440 is '24:00' (a window that runs to midnight). */
export function clock(minute: number): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

export function windowText(window: MetricProfile['window']): string {
  return `${clock(window.start)}-${clock(window.end)}`;
}

/** What one counted unit is called, in the plural: '5 buyer messages'. */
export const UNIT_NOUN: Record<CountingUnit, string> = { message: 'buyer messages', round: 'rounds', buyer: 'buyers', session: 'sessions' };
export const UNIT_NOUN_ZH: Record<CountingUnit, string> = { message: '条买家消息', round: '轮', buyer: '位买家', session: '个会话' };

export function unitText(profile: Pick<MetricProfile, 'unit' | 'sessionGapMin'>): string {
  switch (profile.unit) {
    case 'message':
      return 'each buyer message, waiting from its own time';
    case 'round':
      return 'each round: a run of buyer messages before a reply, waiting from its first message';
    case 'buyer':
      return 'each buyer once a local day, from their first message of the day';
    case 'session':
      return `each session (a new one after ${profile.sessionGapMin} min of silence), judged by when it started`;
  }
}

export function unitTextZh(profile: Pick<MetricProfile, 'unit' | 'sessionGapMin'>): string {
  switch (profile.unit) {
    case 'message':
      return '每条买家消息，各自从发出时算起';
    case 'round':
      return '每轮：回复前的一串买家消息，从第一条算起';
    case 'buyer':
      return '每位买家每天一次，从当天第一条消息算起';
    case 'session':
      return `每个会话（静默 ${profile.sessionGapMin} 分钟后算新会话），按开始时间判定`;
  }
}

export function botText(profile: Pick<MetricProfile, 'botRepliesCount' | 'botRepliesCountFor'>): string {
  if (profile.botRepliesCount) return 'automatic (bot) replies count as replies';
  const except = profile.botRepliesCountFor?.length ? ` (except for the ${profile.botRepliesCountFor.map(thresholdName).join(', ')} rate, where they do)` : '';
  return `automatic (bot) replies do not count as replies${except}`;
}

export function botTextZh(profile: Pick<MetricProfile, 'botRepliesCount' | 'botRepliesCountFor'>): string {
  if (profile.botRepliesCount) return '机器人自动回复算作回复';
  const except = profile.botRepliesCountFor?.length ? `（${profile.botRepliesCountFor.map(thresholdName).join('、')}回复率除外，计入自动回复）` : '';
  return `机器人自动回复不算回复${except}`;
}

export function effectiveText(profile: Pick<MetricProfile, 'effectiveReplyWithinSec'>): string {
  const s = profile.effectiveReplyWithinSec;
  return s === null ? 'effective reply: any reply the same local day' : `effective reply: the day's first message answered within ${thresholdName(s)}`;
}

/** 30 -> '30 s', 180 -> '3 min', 3600 -> '1 h'. */
export function thresholdName(sec: number): string {
  if (sec % 3600 === 0) return `${sec / 3600} h`;
  return sec % 60 === 0 ? `${sec / 60} min` : `${sec} s`;
}

/** The histogram's bin labels, from HISTOGRAM_EDGES_SEC (a bin includes its upper edge): '≤10 s', '10-20 s', ..., '>600 s'. */
export function histogramLabels(): string[] {
  const edges = HISTOGRAM_EDGES_SEC;
  return [`≤${edges[0]} s`, ...edges.slice(1).map((e, i) => `${edges[i]}-${e} s`), `>${edges[edges.length - 1]} s`];
}
