import { z } from './z';

export const SettingsSchema = z.object({
  /** Adapter ids the agent switched off on the options page. */
  disabledSites: z.array(z.string()),
  sidebarCollapsed: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = { disabledSites: [], sidebarCollapsed: false };

/** Whatever storage holds (an older version, a hand-edited value) becomes valid settings, keeping what is valid. */
export function readSettings(raw: unknown): Settings {
  const partial = SettingsSchema.partial().safeParse(raw);
  return { ...defaultSettings, ...(partial.success ? partial.data : {}) };
}
