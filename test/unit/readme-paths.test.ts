import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every path and `npm run` command the README names must exist: a new contributor follows them first.
// Build outputs (`.output/...`, a screenshot a command writes) are not the repository's and are not checked.

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };
const SCRIPTS = Object.keys(PACKAGE.scripts);

/** Folders whose names, followed by a slash, mean a path in the repository. */
const ROOTS = ['entrypoints', 'components', 'lib', 'test', 'scripts', 'bench', 'demo', 'public', 'docs', '\\.ci', '\\.\\.'];
// Not after a word character, a dot, a slash or a dash: `kefu-demo/` in a URL is not `demo/`.
const PATH = new RegExp(`(?<![\\w./-])(?:${ROOTS.join('|')})/[\\w.\\-/<>*]*`, 'g');

/** The paths named anywhere in the README: prose, backticks, links, images and code blocks alike. */
function namedPaths(text: string): string[] {
  const found = new Set<string>();
  for (const [match] of text.matchAll(PATH)) found.add(match.replace(/[.,)]+$/, ''));
  for (const [, , path] of text.matchAll(/(\]\(|src=")([^)"#\s]+)/g)) if (path && !/^[a-z]+:/.test(path)) found.add(path);
  found.add('.ci/run');
  return [...found].sort();
}

/**
 * The layout block (a folder, then what is in it, continued on indented lines): the files and folders it
 * lists for each folder, e.g. `entrypoints/ background/, content/ (...)` and components by their names.
 */
function layoutPaths(text: string): string[] {
  const block = /```\n(entrypoints\/[\s\S]*?)```/.exec(text)?.[1];
  if (!block) return [];
  const found: string[] = [];
  let folder = '';
  for (const line of block.split('\n')) {
    const head = /^([\w.]+\/)\s+(.*)$/.exec(line);
    if (head) folder = head[1]!;
    const listed = head ? head[2]! : line;
    if (folder === 'components/') {
      // Components by name, in parentheses: `(Sidebar, SnippetList, ...)`.
      for (const [inner] of listed.matchAll(/\([^)]*\)/g)) for (const [name] of inner.matchAll(/\b[A-Z]\w+/g)) found.push(`components/${name}.tsx`);
    } else {
      for (const [name] of listed.matchAll(/(?<![\w./-])[\w-]+(?:\.ts|\/)(?=[\s,)]|$)/g)) found.push(`${folder}${name}`);
    }
  }
  return found;
}

function exists(path: string): boolean {
  if (path.startsWith('../')) return existsSync(resolve(dirname(ROOT), path.slice(3)));
  // `lib/sites/<console>.ts`, `lib/sites/*.ts`: the folder exists and holds at least one such file.
  const wild = /[<*]/.exec(path);
  if (!wild) return existsSync(join(ROOT, path));
  const folder = path.slice(0, path.lastIndexOf('/', wild.index) + 1);
  const name = path.slice(folder.length).replace(/\/.*$/, '');
  const pattern = new RegExp(`^${name.replace(/[.]/g, '\\.').replace(/<[^>]*>|\*/g, '[^/]+')}$`);
  return existsSync(join(ROOT, folder)) && readdirSync(join(ROOT, folder)).some((name) => pattern.test(name));
}

describe('README', () => {
  it('finds the paths it should check (the checker itself)', () => {
    const sample = 'see `lib/db.ts`, [x](docs/a.md), http://localhost:1/kefu-demo/ and `.output/chrome-mv3`\n```\nentrypoints/   background/, content/ (page watcher), x.ts\ncomponents/    UI (Sidebar, DaySummary, ...)\nlib/           a (waiting.ts,\n               tracker.ts)\n```';
    expect(namedPaths(sample)).toEqual(['.ci/run', 'components/', 'docs/a.md', 'entrypoints/', 'lib/', 'lib/db.ts']);
    expect(layoutPaths(sample)).toEqual(['entrypoints/background/', 'entrypoints/content/', 'entrypoints/x.ts', 'components/Sidebar.tsx', 'components/DaySummary.tsx', 'lib/waiting.ts', 'lib/tracker.ts']);
  });

  it('names no file outside the repository: a clone has only what it holds', () => {
    expect(namedPaths(README).filter((p) => p.startsWith('../'))).toEqual([]);
  });

  it.each(namedPaths(README).filter((p) => !p.startsWith('.output/')))('names %s, which exists', (path) => {
    expect(exists(path), `README names ${path}, which is not in the repository${path.startsWith('../') ? ' (or beside it)' : ''}`).toBe(true);
  });

  it.each(layoutPaths(README))('its layout lists %s, which exists', (path) => {
    expect(exists(path), `README's layout lists ${path}, which is not in the repository`).toBe(true);
  });

  it.each([...new Set([...README.matchAll(/npm run (?:-s |--silent )?([\w:-]+)/g)].map((m) => m[1]!))])('names `npm run %s`, a script in package.json', (script) => {
    expect(SCRIPTS).toContain(script);
  });

  it('needs the Node that package.json (engines), .nvmrc and .ci/run need', () => {
    const engines = /^>=(\d+)\.(\d+)$/.exec(PACKAGE.engines.node)?.slice(1);
    expect(engines).toHaveLength(2);
    expect(/Needs Node (\d+)\.(\d+)\+/.exec(README)?.slice(1)).toEqual(engines);
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(engines![0]);
    expect(/a > (\d+) \|\| \(a === \d+ && b >= (\d+)\)/.exec(readFileSync(join(ROOT, '.ci/run'), 'utf8'))?.slice(1)).toEqual(engines);
  });

  it('names `npm test`, a script in package.json', () => {
    expect(README).toContain('npm test');
    expect(SCRIPTS).toContain('test');
  });
});
