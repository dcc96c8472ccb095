import { z } from './z';

/**
 * Counting profiles (DOMAIN.md "How this project counts": "Platforms count differently, so the counting
 * unit and window are a per-platform profile over the same stored events, never separate code paths").
 *
 * The presets repeat the table of DOMAIN.md. Those rules are what seller-advice sites report about each
 * platform, NOT the platforms' own pages: they are starting points the agent can copy and edit (settings keep
 * edited copies), and the UI shows which profile is in use. lib/metrics.ts states what each field does.
 */

/**
 * What one counted "unit" is:
 * - message: every buyer message (the default);
 * - round: the first buyer message of a run of buyer messages before a reply;
 * - buyer: one unit per conversation and local day, from the buyer's first counted message;
 * - session: one unit per session, from the session's first buyer message (see `sessionGapMin`).
 */
export type CountingUnit = 'message' | 'round' | 'buyer' | 'session';

export const COUNTING_UNITS = ['message', 'round', 'buyer', 'session'] as const satisfies readonly CountingUnit[];

export interface MetricProfile {
  /** 'default' | 'taobao' | 'douyin' | 'pinduoduo' | 'jd' for the presets (and the agent's edits of them); other ids for copies. */
  id: string;
  unit: CountingUnit;
  /**
   * Service window in local minutes from midnight, [start, end); end may be 1440 (midnight). A buyer message
   * (or, for rounds and sessions, the message that starts the unit) counts only inside it. start > end is a
   * window over midnight (e.g. 22:00-02:00).
   */
  window: { start: number; end: number };
  /** Whether the shop's automatic (robot) replies stop the clock. */
  botRepliesCount: boolean;
  /**
   * Thresholds (seconds, from THRESHOLDS_SEC of lib/metrics.ts) for which ANY shop reply, automatic ones too,
   * stops the clock even though `botRepliesCount` is false: Pinduoduo's 5-minute rate counts AI replies
   * ([300]). Only the "answered within N s" counts of those thresholds change; the average, the histogram
   * and the unanswered count keep following `botRepliesCount`.
   */
  botRepliesCountFor?: number[];
  /**
   * Effective reply: a consulting buyer whose first counted message of the day got its reply later than this
   * many seconds (or never) counts as no effective reply (Pinduoduo: 3600). null = any reply the same local
   * day is effective (DOMAIN.md's default definition).
   */
  effectiveReplyWithinSec: number | null;
  /** Session unit: a buyer message after this many minutes of silence starts a new session. */
  sessionGapMin: number;
}

const minuteOfDay = z.number().int().min(0).max(1440);

export const MetricProfileSchema = z.object({
  id: z.string().min(1).max(40),
  unit: z.enum(COUNTING_UNITS),
  window: z
    .object({ start: minuteOfDay.max(1439), end: minuteOfDay.min(1) })
    .refine((w) => w.start !== w.end, { message: 'the window must not start where it ends', path: ['end'] }),
  botRepliesCount: z.boolean(),
  effectiveReplyWithinSec: z.number().int().min(1).max(86_400).nullable(),
  sessionGapMin: z.number().int().min(1).max(1_440),
  botRepliesCountFor: z.array(z.number().int().min(1).max(86_400)).max(10).optional(),
});

// The schema and the interface must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesInterface: Same<z.infer<typeof MetricProfileSchema>, MetricProfile> = true;
void _schemaMatchesInterface;

const H = 60;

/**
 * DOMAIN.md's per-platform table. Reported by seller-advice sites, not by the platforms: editable presets.
 * `sessionGapMin` (30) is this project's guess where the sources say nothing; only the session unit uses it.
 */
export const presetProfiles: readonly MetricProfile[] = deepFreeze([
  // DOMAIN.md's own definition: each buyer message, 08:00-23:00, manual replies only.
  { id: 'default', unit: 'message', window: { start: 8 * H, end: 23 * H }, botRepliesCount: false, effectiveReplyWithinSec: null, sessionGapMin: 30 },
  // Taobao 3-minute human response: rounds, 08:00-24:00 (sources also say 09:00-23:00), shop bots reportedly count.
  { id: 'taobao', unit: 'round', window: { start: 8 * H, end: 24 * H }, botRepliesCount: true, effectiveReplyWithinSec: null, sessionGapMin: 30 },
  // Douyin 3-minute human reply: rounds, 08:00-23:00, manual only.
  { id: 'douyin', unit: 'round', window: { start: 8 * H, end: 23 * H }, botRepliesCount: false, effectiveReplyWithinSec: null, sessionGapMin: 30 },
  // Pinduoduo: each buyer once a day, 08:00-23:00; AI replies count for the 5-minute rate only; a buyer
  // unanswered or answered after 1 hour has no effective reply.
  {
    id: 'pinduoduo',
    unit: 'buyer',
    window: { start: 8 * H, end: 23 * H },
    botRepliesCount: false,
    effectiveReplyWithinSec: 3_600,
    sessionGapMin: 30,
    botRepliesCountFor: [300],
  },
  // JD first 30-second reply: sessions judged by when they started; sessions started 23:00-09:00 are excluded,
  // which is the 09:00-23:00 window applied to the session's first message.
  { id: 'jd', unit: 'session', window: { start: 9 * H, end: 23 * H }, botRepliesCount: false, effectiveReplyWithinSec: null, sessionGapMin: 30 },
]);

/** A fresh (mutable) copy of a preset, or undefined for an unknown id. */
export function presetProfile(id: string): MetricProfile | undefined {
  const preset = presetProfiles.find((p) => p.id === id);
  return preset && copyProfile(preset);
}

export function copyProfile(p: MetricProfile): MetricProfile {
  const copy: MetricProfile = { ...p, window: { ...p.window } };
  if (p.botRepliesCountFor) copy.botRepliesCountFor = [...p.botRepliesCountFor];
  return copy;
}

/** Whether a minute of the local day is inside the profile's service window. */
export function inWindow(window: MetricProfile['window'], minute: number): boolean {
  return window.start < window.end ? minute >= window.start && minute < window.end : minute >= window.start || minute < window.end;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
