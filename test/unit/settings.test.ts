import { describe, expect, test } from 'vitest';
import { defaultSettings, readSettings } from '@/lib/settings';
import { loadSettings, settingsItem, updateSettings } from '@/lib/settings-store';

describe('settings', () => {
  test('a damaged or foreign stored value falls back field by field', () => {
    expect(readSettings(undefined)).toEqual(defaultSettings);
    expect(readSettings('garbage')).toEqual(defaultSettings);
    expect(readSettings({ disabledSites: ['demo'], sidebarCollapsed: 'yes' })).toEqual({ ...defaultSettings, disabledSites: ['demo'] });
    expect(readSettings({ thresholds: { warnSec: 40, breachSec: 30, marksSec: [] }, retentionDays: 7 })).toEqual({ ...defaultSettings, retentionDays: 7 });
  });

  test('after-sale choices stored in part keep what is there and take the defaults for the rest; a broken value falls back whole', () => {
    const partial = readSettings({ afterSale: { stepLimitsMinutes: { firstContact: 0.05 }, goodwillLimit: 10 } });
    expect(partial.afterSale).toEqual({ ...defaultSettings.afterSale, stepLimitsMinutes: { ...defaultSettings.afterSale.stepLimitsMinutes, firstContact: 0.05 }, goodwillLimit: 10 });
    expect(readSettings({ afterSale: { goodwillLimit: -1 } }).afterSale).toEqual(defaultSettings.afterSale);
  });

  test('a stored custom guard rule that no longer passes is dropped alone; the others and the levels stay', () => {
    const good = { id: 'r1', kind: 'word', text: '拉黑', category: 'threat', severity: 'high' };
    const hanging = { id: 'r2', kind: 'pattern', text: '(a+)+$', category: 'abuse', severity: 'low' };
    const read = readSettings({ guard: { levels: { sarcasm: 'block' }, rules: [good, hanging], allow: ['微信支付'] } });
    expect(read.guard.rules).toEqual([good]);
    expect(read.guard.allow).toEqual(['微信支付']);
    expect(read.guard.levels).toEqual({ ...defaultSettings.guard.levels, sarcasm: 'block' });
  });

  test('changes are kept in extension storage and merged with what was there', async () => {
    await updateSettings({ sidebarCollapsed: true });
    await updateSettings({ disabledSites: ['demo'] });
    expect(await loadSettings()).toEqual({ ...defaultSettings, disabledSites: ['demo'], sidebarCollapsed: true });
    expect(await settingsItem.getValue()).toEqual({ ...defaultSettings, disabledSites: ['demo'], sidebarCollapsed: true });
  });
});
