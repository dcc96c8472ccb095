import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A saved page as a Document, for adapters and watchers (see scripts/capture-fixtures.ts). Paths are under test/fixtures/. */
export function loadFixture(path: string): Document {
  const html = readFileSync(resolve(process.cwd(), 'test/fixtures', path), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Saved pages keep their shadow roots as `<template shadowrootmode>`, which browsers attach while parsing a
 * page but neither DOMParser nor happy-dom does: attached here as the browser would, nested ones too.
 */
export function attachShadowTemplates(root: ParentNode): void {
  for (const template of [...root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(template.content);
    template.remove();
    attachShadowTemplates(shadow);
  }
}

/** A saved page with its shadow roots attached. */
export function loadShadowFixture(path: string): Document {
  const doc = loadFixture(path);
  attachShadowTemplates(doc);
  return doc;
}
