import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { GuardRules } from '@/components/GuardRules';
import { MAX_CUSTOM_RULES, type CustomGuardRule } from '@/lib/guard/custom-rules';
import { defaultSettings, type Settings } from '@/lib/settings';
import zh from '@/public/_locales/zh_CN/messages.json';

const downloads = vi.hoisted(() => [] as { name: string; type: string; text: string }[]);
vi.mock('@/components/download', () => ({
  download: (name: string, type: string, text: string) => void downloads.push({ name, type, text }),
}));

/** The rules section over settings that keep every patch, as the options page does; the patches are recorded. */
function rulesPage(guard: Partial<Settings['guard']> = {}) {
  const patches: Partial<Settings>[] = [];
  function Page() {
    const [settings, setSettings] = useState<Settings>({ ...defaultSettings, guard: { ...defaultSettings.guard, ...guard } });
    return (
      <GuardRules
        settings={settings}
        onChange={(patch) => {
          patches.push(patch);
          setSettings((current) => ({ ...current, ...patch }));
        }}
      />
    );
  }
  render(<Page />);
  return { patches, guard: () => patches.at(-1)?.guard };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const pick = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
/** The message shown beside a field (inside the same .field block), if any. */
const besideField = (label: string) => {
  const alert = screen.getByLabelText(label).closest('.field')!.querySelector('[role=alert]');
  return alert?.textContent ?? null;
};
const chooseFile = async (text: string) => {
  fireEvent.change(screen.getByLabelText('导入规则'), { target: { files: [new File([text], 'rules.json', { type: 'application/json' })] } });
};

const wordRule: CustomGuardRule = { id: 'rule-a', kind: 'word', text: '闲鱼', category: 'offPlatform', severity: 'high', suggestion: '请在本平台下单' };
const patternRule: CustomGuardRule = { id: 'rule-b', kind: 'pattern', text: 'v[x信]\\d{5,}', category: 'offPlatform', severity: 'medium' };

describe('custom guard rules on the options page', () => {
  test('a word rule is added with its category, severity and suggestion, listed, and deleted', () => {
    const page = rulesPage();
    type('词语或表达式', '  闲鱼 ');
    pick('类别', 'offPlatform');
    pick('严重程度', 'high');
    type('建议改写（可选）', '请在本平台下单');
    click('添加规则');
    expect(page.guard()?.rules).toEqual([{ id: expect.stringMatching(/^rule-[0-9a-z]+$/), kind: 'word', text: '闲鱼', category: 'offPlatform', severity: 'high', suggestion: '请在本平台下单' }]);
    const item = screen.getByText('闲鱼').closest('li')!;
    expect(item.textContent).toContain(zh.guardCategory_offPlatform.message);
    expect(item.textContent).toContain(zh.guardRuleSeverity_high.message);
    expect(item.textContent).toContain('请在本平台下单');
    expect((screen.getByLabelText('词语或表达式') as HTMLInputElement).value).toBe('');

    // The same word again is refused beside the field; nothing saved.
    type('词语或表达式', '闲鱼');
    click('添加规则');
    expect(besideField('词语或表达式')).toBe(zh.guardRuleDuplicate.message);
    expect(page.patches).toHaveLength(1);

    click('删除规则“闲鱼”');
    expect(page.guard()?.rules).toEqual([]);
    expect(screen.queryByText('闲鱼')).toBeNull();
  });

  test('a pattern that could hang the page is refused with that reason beside the field; nothing saved', () => {
    const page = rulesPage();
    pick('类型', 'pattern');
    type('词语或表达式', '(a+)+$');
    click('添加规则');
    expect(besideField('词语或表达式')).toBe(zh.guardRulePattern_backtracking.message);
    expect(screen.getByLabelText('词语或表达式').getAttribute('aria-invalid')).toBe('true');

    // A different fault gets its own reason, so the shop knows what to fix.
    type('词语或表达式', '(微信');
    click('添加规则');
    expect(besideField('词语或表达式')).toBe(zh.guardRulePattern_syntax.message);
    expect(page.patches).toEqual([]);

    type('词语或表达式', 'v[x信]\\d{5,}');
    click('添加规则');
    expect(page.guard()?.rules).toMatchObject([{ kind: 'pattern', text: 'v[x信]\\d{5,}' }]);
    expect(besideField('词语或表达式')).toBeNull();
  });

  test('words that never alarm are added trimmed, without duplicates or blanks, and removed', () => {
    const page = rulesPage();
    type('新词语', '  微信支付贴纸  ');
    click('添加词语');
    expect(page.guard()?.allow).toEqual(['微信支付贴纸']);

    type('新词语', '微信支付贴纸');
    click('添加词语');
    expect(besideField('新词语')).toBe(zh.guardRuleAllowDuplicate.message);
    type('新词语', '  ！！ ');
    click('添加词语');
    expect(besideField('新词语')).toBe(zh.guardRuleAllowInvalid.message);
    expect(page.patches).toHaveLength(1);

    type('新词语', '支付宝红包封面');
    click('添加词语');
    expect(page.guard()?.allow).toEqual(['微信支付贴纸', '支付宝红包封面']);
    click('移除“微信支付贴纸”');
    expect(page.guard()?.allow).toEqual(['支付宝红包封面']);
    expect(screen.queryByText('微信支付贴纸')).toBeNull();
  });

  test('past the rule limit a new rule is refused with a message', () => {
    const many = Array.from({ length: MAX_CUSTOM_RULES }, (_, i): CustomGuardRule => ({ id: `r${i}`, kind: 'word', text: `词${i}`, category: 'abuse', severity: 'low' }));
    const page = rulesPage({ rules: many });
    type('词语或表达式', '新词');
    click('添加规则');
    expect(screen.getByText(zh.guardRuleTooMany.message.replace('$COUNT$', String(MAX_CUSTOM_RULES)))).toBeTruthy();
    expect(page.patches).toEqual([]);
  });

  test('a broken rules file is refused whole, naming the entry and field; nothing changes', async () => {
    const page = rulesPage({ rules: [wordRule], allow: ['微信支付贴纸'] });
    const file = { format: 'kefu-sidekick/guard-rules', version: 1, rules: [patternRule, { id: 'rule-c', kind: 'pattern', text: '(a+)+$', category: 'abuse', severity: 'high' }], allow: ['新词'] };
    await chooseFile(JSON.stringify(file));
    // Waiting for the text, not the role: the second refusal reuses the first one's notice.
    expect(await screen.findByText(/^导入失败，未做任何更改：第 2 行，字段 text：.+/)).toBeTruthy();
    await chooseFile('{"format": "something-else", "version": 1, "rules": []}');
    expect(await screen.findByText(/^导入失败，未做任何更改：format：.+/)).toBeTruthy();
    expect(page.patches).toEqual([]);
    expect(screen.getByText('闲鱼')).toBeTruthy();
    expect(screen.queryByText(patternRule.text)).toBeNull();
  });

  test('an import merges: a known id is replaced, new rules added, allowed words joined', async () => {
    const page = rulesPage({ rules: [wordRule], allow: ['微信支付贴纸'] });
    const changed = { ...wordRule, severity: 'low' as const };
    await chooseFile(JSON.stringify({ format: 'kefu-sidekick/guard-rules', version: 1, rules: [changed, patternRule], allow: ['微信支付贴纸', '支付宝红包封面'] }));
    expect((await screen.findByRole('status')).textContent).toBe('已导入 2 条规则');
    expect(page.guard()).toMatchObject({ rules: [changed, patternRule], allow: ['微信支付贴纸', '支付宝红包封面'] });
  });

  test('exported rules import back unchanged into an empty profile', async () => {
    downloads.length = 0;
    const rules = [wordRule, patternRule];
    const allow = ['微信支付贴纸', '支付宝红包封面'];
    rulesPage({ rules, allow });
    click('导出规则');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^kefu-guard-rules-\d{12}\.json$/);
    expect(downloads[0]!.type).toBe('application/json');

    cleanup();
    const fresh = rulesPage();
    await chooseFile(downloads[0]!.text);
    expect((await screen.findByRole('status')).textContent).toBe('已导入 2 条规则');
    expect(fresh.guard()?.rules).toEqual(rules);
    expect(fresh.guard()?.allow).toEqual(allow);
    expect(within(screen.getByText(patternRule.text).closest('li')!).getByRole('button', { name: `删除规则“${patternRule.text}”` })).toBeTruthy();
  });
});
