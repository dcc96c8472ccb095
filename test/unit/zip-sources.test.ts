import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSources } from '@/wxt.config';

// `npm run zip`'s sources zip takes exactly what reviewSources lists (wxt.config.ts). Checked on a throwaway
// git repository shaped like ours, with what a working copy gathers: a screenshot the README's headless
// command wrote, a debug log, a file not added yet.

let repo: string;

function write(path: string, text = 'x'): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'kefu-zip-'));
  const tracked = ['package.json', 'package-lock.json', '.nvmrc', '.gitignore', 'README.md', 'wxt.config.ts', 'entrypoints/popup/App.tsx', 'lib/a (copy).ts', 'public/_locales/en/messages.json', 'demo/main.tsx', 'docs/demo.png', 'test/unit/a.test.ts', 'test/fixtures/page.html', 'bench/run.ts', '.ci/run'];
  for (const file of tracked) write(file);
  write('.gitignore', '*.log\n/demo.png\n.output/\n');
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['add', '--', ...tracked], { cwd: repo });
  write('demo.png');
  write('debug.log');
  write('lib/not-added-yet.ts');
  write('.output/firefox-mv3/manifest.json');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the sources zip', () => {
  it('holds the tracked files a reviewer needs, and nothing untracked or ignored', () => {
    expect(reviewSources(repo)).toEqual(['.nvmrc', 'README.md', 'demo/main.tsx', 'entrypoints/popup/App.tsx', 'lib/a (copy).ts', 'package-lock.json', 'package.json', 'public/_locales/en/messages.json', 'wxt.config.ts']);
  });

  it('outside a git checkout, leaves the choice to WXT', () => {
    const plain = mkdtempSync(join(tmpdir(), 'kefu-zip-plain-'));
    try {
      expect(reviewSources(plain)).toBeNull();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
