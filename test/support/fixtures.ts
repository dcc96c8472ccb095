import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A saved page as a Document, for adapters and watchers (see scripts/capture-fixtures.ts). Paths are under test/fixtures/. */
export function loadFixture(path: string): Document {
  const html = readFileSync(resolve(process.cwd(), 'test/fixtures', path), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
