import { MetricProfileSchema, presetProfile, presetProfiles, type MetricProfile } from './metric-profiles';
import { TargetsSchema, defaultTargets } from './targets';
import { defaultThresholds } from './waiting';
import { SidebarLayoutSchema } from './dock';
import { z } from './z';
import type { GuardCategory } from './guard/types';
import { CustomGuardRuleSchema, MAX_CUSTOM_RULES } from './guard/custom-rules';

export const ThresholdsSchema = z
  .object({
    warnSec: z.number().int().min(1).max(3_600),
    breachSec: z.number().int().min(1).max(3_600),
    marksSec: z.array(z.number().int().min(1).max(86_400)).max(6),
  })
  .refine((t) => t.warnSec <= t.breachSec, { message: 'the warning must come before the breach' });

/**
 * The shop's after-sale choices (issue 13): how long a case may sit in each step before it is a reminder
 * (minutes), how much postage the shop refunds as goodwill and how much of a transit loss it shares (in the
 * order's currency; 0 = never offered), and the volumetric divisor its carriers use.
 */
export const AfterSaleSettingsSchema = z.object({
  // Each field has its default: a stored value missing one (an older version, a hand edit) keeps the rest.
  stepLimitsMinutes: z
    .object({
      firstContact: z.number().positive().max(525_600).default(120),
      goodsReceived: z.number().positive().max(525_600).default(24 * 60),
      problemConfirmed: z.number().positive().max(525_600).default(24 * 60),
    })
    .default({ firstContact: 120, goodsReceived: 24 * 60, problemConfirmed: 24 * 60 }),
  goodwillLimit: z.number().nonnegative().max(100_000).default(0),
  shareLossLimit: z.number().nonnegative().max(100_000).default(0),
  volumetricDivisor: z.number().int().min(1_000).max(10_000).default(6_000),
});
export type AfterSaleSettings = z.infer<typeof AfterSaleSettingsSchema>;

export const defaultAfterSaleSettings: AfterSaleSettings = {
  stepLimitsMinutes: { firstContact: 120, goodsReceived: 24 * 60, problemConfirmed: 24 * 60 },
  goodwillLimit: 0,
  shareLossLimit: 0,
  volumetricDivisor: 6_000,
};

/** Per kind of risk (lib/guard), what happens to a draft that has it: nothing, a warning, a held send, or no send. */
export const GUARD_LEVELS = ['off', 'warn', 'confirm', 'block'] as const;
export type GuardLevel = (typeof GUARD_LEVELS)[number];
const level = (fallback: GuardLevel) => z.enum(GUARD_LEVELS).default(fallback);
export const defaultGuardLevels = { abuse: 'confirm', offPlatform: 'confirm', overPromise: 'warn', threat: 'confirm', blame: 'warn', sarcasm: 'warn' } as const satisfies Record<GuardCategory, GuardLevel>;
export const GuardSettingsSchema = z.object({
  // Each kind has its default: a stored value missing one keeps the others.
  levels: z
    .object({
      abuse: level(defaultGuardLevels.abuse),
      offPlatform: level(defaultGuardLevels.offPlatform),
      overPromise: level(defaultGuardLevels.overPromise),
      threat: level(defaultGuardLevels.threat),
      blame: level(defaultGuardLevels.blame),
      sarcasm: level(defaultGuardLevels.sarcasm),
    })
    .default(defaultGuardLevels),
  /**
   * The shop's own words and patterns (lib/guard/custom-rules.ts), and words that must never alarm. A stored
   * rule that no longer passes its check (say, a pattern now refused) is dropped alone, not with the others.
   */
  rules: z.preprocess((v) => (Array.isArray(v) ? v.filter((r) => CustomGuardRuleSchema.safeParse(r).success) : []), z.array(CustomGuardRuleSchema).max(MAX_CUSTOM_RULES)).default([]),
  allow: z.array(z.string().trim().min(1).max(100)).max(MAX_CUSTOM_RULES).default([]),
});
export type GuardSettings = z.infer<typeof GuardSettingsSchema>;

export const SettingsSchema = z.object({
  /** Adapter ids the agent switched off on the options page. */
  disabledSites: z.array(z.string()),
  sidebarCollapsed: z.boolean(),
  /** Per console (adapter id): the sidebar's side and width (lib/dock.ts). */
  sidebarLayouts: z.record(z.string(), SidebarLayoutSchema),
  thresholds: ThresholdsSchema,
  /** Desktop notification when a buyer passes the breach threshold (needs the optional notifications permission). */
  notifyOnBreach: z.boolean(),
  /** A short tone in the console tab when a buyer passes the breach threshold. */
  soundOnBreach: z.boolean(),
  /** Message texts are kept this many days, then blanked; times, ids and senders stay. */
  retentionDays: z.number().int().min(1).max(3_650),
  /** The shop's time zone: days and the service window are counted in it. */
  timeZone: z.string().min(1),
  /** Which counting profile the metrics use (DOMAIN.md: per platform). */
  profileId: z.string().min(1),
  /** The agent's edits of the presets, by preset id; a preset not listed here is used as shipped. */
  profiles: z.array(MetricProfileSchema).max(20),
  targets: TargetsSchema,
  /** The agent's name for the {{agentName}} fill-in; asked for once when empty. */
  agentName: z.string().max(40),
  afterSale: AfterSaleSettingsSchema,
  guard: GuardSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  disabledSites: [],
  sidebarCollapsed: false,
  sidebarLayouts: {},
  thresholds: defaultThresholds,
  notifyOnBreach: false,
  soundOnBreach: false,
  retentionDays: 30,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai',
  profileId: 'default',
  profiles: [],
  targets: defaultTargets,
  agentName: '',
  afterSale: defaultAfterSaleSettings,
  guard: { levels: { ...defaultGuardLevels }, rules: [], allow: [] },
};

/** The counting profile in use: the agent's edit of it if any, else the preset, else the default preset. */
export function activeProfile(settings: Pick<Settings, 'profileId' | 'profiles'>): MetricProfile {
  return settings.profiles.find((p) => p.id === settings.profileId) ?? presetProfile(settings.profileId) ?? presetProfiles[0]!;
}

/**
 * Whatever storage holds (an older version, a hand-edited value) becomes valid settings field by field:
 * a broken field falls back to its default, the valid ones are kept.
 */
export function readSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = { ...defaultSettings };
  if (raw && typeof raw === 'object') {
    for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
      const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.data;
    }
  }
  return out as Settings;
}
