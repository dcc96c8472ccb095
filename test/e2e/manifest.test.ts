import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

// The built extensions as the stores will see them (run after `npm run build`).
describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (dir) => {
  test('asks for storage, alarms and scripting, runs on the consoles’ chat pages only, any other site only when the agent teaches it; notifications only on request; only the sidebar is web-accessible', () => {
    const m = manifest(dir);
    expect(m.permissions.sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions).toEqual(['notifications']);
    // A taught console's one origin is asked for when the agent teaches it (lib/sites/custom).
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // The sidebar's frame, and nothing else: to any origin, since a taught console's is known only at run time.
    expect(m.web_accessible_resources).toEqual([{ resources: ['sidebar.html'], matches: ['https://*/*', 'http://*/*'] }]);
    // The README's permissions table lists these same patterns, each console's chat page and no more.
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([
      'http://127.0.0.1/kefu-demo/*',
      'http://localhost/kefu-demo/*',
      'https://dongdong.jd.com/',
      'https://dongdong.jd.com/?*',
      'https://gsp.aliexpress.com/m_apps/im-chat/*',
      'https://im.jinritemai.com/pc_seller_v2/main/workspace*',
      'https://market.m.taobao.com/app/qn/im-history-search/*',
      'https://mms.pinduoduo.com/chat-merchant/*',
    ]);
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
  expect(manifest('firefox-mv3').browser_specific_settings.gecko.id).toMatch(/@/);
});
