import { describe, expect, test } from 'vitest';
import { runGuardCli, USAGE } from '@/scripts/guard';
import { exportGuardRules } from '@/lib/guard';
import { snippetsToJson } from '@/lib/snippet-io';
import { defaultSnippets } from '@/lib/snippets/defaults';

const encode = (text: string) => new TextEncoder().encode(text);

/** The CLI over an in-memory file system. */
function run(args: string[], files: Record<string, Uint8Array | string>) {
  return runGuardCli(args, (path) => {
    const file = files[path];
    if (file === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return typeof file === 'string' ? encode(file) : file;
  });
}

const lines = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line?: number; snippet?: string; categories: string[]; findings: { text: string; start: number; end: number; suggestion?: string }[] });

describe('npm run guard', () => {
  test('a text file: one JSON object per non-empty line, with categories, spans and suggestions', () => {
    const result = run(['msgs.txt'], { 'msgs.txt': '加我 V 信 1 3 8 0 0 1 3 8 0 0 0\r\n\n你好，请问有红色吗\n保证明天到\n' });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const out = lines(result.stdout);
    expect(out.map((o) => [o.line, o.categories])).toEqual([
      [1, ['offPlatform']],
      [3, []],
      [4, ['overPromise']],
    ]);
    expect(out[0]!.findings.map((f) => f.text)).toEqual(['加我 V 信 1 3 8 0 0 1 3 8 0 0 0']);
    expect(out[2]!.findings[0]!.suggestion).toBeTruthy();
  });

  test('--side buyer checks buyer messages', () => {
    const files = { 'b.txt': '保证明天到\n不给我退款我就给差评\n' };
    // An over-promise is the shop's own: a buyer's message is not checked for it.
    expect(lines(run(['b.txt'], files).stdout)[0]!.categories).toEqual(['overPromise']);
    expect(lines(run(['b.txt', '--side', 'buyer'], files).stdout).map((o) => o.categories)).toEqual([[], ['threat']]);
  });

  test('a snippet export: one object per snippet, by id', () => {
    const body = '亲，加我微信 kefu888 给您优惠';
    const file = snippetsToJson([{ ...defaultSnippets[0]!, id: 'risky', body }, defaultSnippets[1]!]);
    const out = lines(run(['lib.json'], { 'lib.json': file }).stdout);
    expect(out.map((o) => [o.snippet, o.categories])).toEqual([
      ['risky', ['offPlatform']],
      [defaultSnippets[1]!.id, []],
    ]);
  });

  test('--rules adds the shop rules', () => {
    const rules = exportGuardRules([{ id: 'xy', kind: 'word', text: '老店', category: 'offPlatform', severity: 'high' }], []);
    const files = { 'm.txt': '去我们老店看看\n', 'r.json': rules };
    expect(lines(run(['m.txt'], files).stdout)[0]!.categories).toEqual([]);
    expect(lines(run(['m.txt', '--rules', 'r.json'], files).stdout)[0]!.categories).toEqual(['offPlatform']);
  });

  test('unreadable or bad files: a clear message and exit 2', () => {
    expect(run(['none.txt'], {})).toEqual({ code: 2, stdout: '', stderr: 'error: none.txt: no such file\n' });
    const notText = run(['bin.txt'], { 'bin.txt': new Uint8Array([0x41, 0x00, 0x42]) });
    expect([notText.code, notText.stderr]).toEqual([2, expect.stringContaining('bin.txt')]);
    const badSnippets = run(['lib.json'], { 'lib.json': '{"format":"kefu-sidekick/snippets","version":1,"snippets":[{"id":"a"}]}' });
    expect(badSnippets.code).toBe(2);
    expect(badSnippets.stderr).toMatch(/^error: lib\.json: snippet 1, /);
    const badRules = run(['m.txt', '--rules', 'r.json'], { 'm.txt': 'hi\n', 'r.json': '{"format":"kefu-sidekick/guard-rules","version":1,"rules":[{"id":"a","kind":"pattern","text":"(a+)+$","category":"abuse","severity":"high"}],"allow":[]}' });
    expect([badRules.code, badRules.stdout]).toEqual([2, '']);
    expect(badRules.stderr).toMatch(/^error: r\.json: rule 1, text: /);
  });

  test('usage: --help, bad options', () => {
    expect(run(['--help'], {})).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(run([], {}).code).toBe(2);
    expect(run(['a', 'b'], {}).code).toBe(2);
    expect(run(['a', '--side', 'robot'], {}).stderr).toContain('--side');
    expect(run(['a', '--bogus'], {}).stderr).toContain('unknown option --bogus');
  });
});
