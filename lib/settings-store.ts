import { storage } from 'wxt/utils/storage';
import { defaultSettings, readSettings, type Settings } from './settings';

/** Settings live in storage.local (small, synchronous to read in every context); bump `version` with a migration when the shape changes. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  await settingsItem.setValue(next);
  return next;
}
