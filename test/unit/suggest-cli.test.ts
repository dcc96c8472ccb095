import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main, USAGE, type Io } from '@/scripts/suggest';

const dir = mkdtempSync(join(tmpdir(), 'kefu-suggest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { readFile: (path) => readFileSync(path, 'utf8'), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = main(args, io);
  return { code, stdout, stderr };
}

describe('npm run suggest', () => {
  test('prints the top three (id and title) of each non-empty line, one JSON array a line', () => {
    const file = join(dir, 'buyers.txt');
    writeFileSync(file, '\uFEFF小了 能换大一码吗\r\n\n   \nwhere is my parcel\n发票怎么开');
    const { code, stdout, stderr } = run([file]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; title: string }[]);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toHaveLength(3);
      for (const entry of line) expect(Object.keys(entry)).toEqual(['id', 'title']);
    }
    expect(lines[0]![0]).toEqual({ id: 'zh-exchange', title: '换货：换尺码或颜色' });
    expect(lines[1]!.map((e) => e.id)).toContain('en-tracking-stopped');
    expect(lines[2]![0]!.id).toBe('zh-invoice');
  });

  test('--help prints the usage', () => {
    expect(run(['--help'])).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(USAGE).toContain('npm run -s suggest -- FILE');
  });

  test('a missing file: a clear message on stderr, exit 1, nothing on stdout', () => {
    const missing = join(dir, 'nope.txt');
    expect(run([missing])).toEqual({ code: 1, stdout: '', stderr: `error: ${missing}: no such file\n` });
    expect(run([dir]).stderr).toBe(`error: ${dir}: is a directory, not a text file\n`);
  });

  test('no file, two files or an unknown option: the usage on stderr, exit 2', () => {
    for (const args of [[], ['a.txt', 'b.txt'], ['--top', 'a.txt']]) {
      const result = run(args);
      expect([args, result.code, result.stdout]).toEqual([args, 2, '']);
      expect(result.stderr).toMatch(/^error: .+\n\nusage: /);
    }
  });
});
