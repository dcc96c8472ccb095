import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

// The built extensions as the stores will see them (run after `npm run build`).
describe.each(['chrome-mv3', 'firefox-mv2'])('%s manifest', (dir) => {
  test('asks for no more than storage, alarms and the demo console’s own path; notifications only on request; only the sidebar is web-accessible', () => {
    const m = manifest(dir);
    expect(m.permissions.sort()).toEqual(['alarms', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions).toEqual(['notifications']);
    // The sidebar's frame, and nothing else: in Chrome only to the consoles' origins (MV2 has no such list).
    expect(m.web_accessible_resources).toEqual(dir === 'chrome-mv3' ? [{ resources: ['sidebar.html'], matches: ['http://localhost/*', 'http://127.0.0.1/*'] }] : ['sidebar.html']);
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual(['http://127.0.0.1/kefu-demo/*', 'http://localhost/kefu-demo/*']);
  });

  test('is localised, Chinese first, and has every icon size', () => {
    const m = manifest(dir);
    expect(m.default_locale).toBe('zh_CN');
    expect([m.name, m.short_name, m.description]).toEqual(['__MSG_extName__', '__MSG_extShortName__', '__MSG_extDescription__']);
    for (const size of ['16', '32', '48', '128']) {
      expect(m.icons[size]).toBeDefined();
      expect(existsSync(`.output/${dir}/${m.icons[size]}`)).toBe(true);
    }
    for (const locale of ['zh_CN', 'en']) expect(existsSync(`.output/${dir}/_locales/${locale}/messages.json`)).toBe(true);
  });
});

test('the Firefox build carries its add-on id', () => {
  expect(manifest('firefox-mv2').browser_specific_settings.gecko.id).toMatch(/@/);
});
