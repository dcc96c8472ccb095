import { describe, expect, test } from 'vitest';
import { demoAdapter, demoSelectors } from '@/lib/sites/demo';
import { loadFixture } from '../support/fixtures';

const NOW = Date.parse('2026-11-23T12:00:00Z');

/** A copy of the fixture's first row with another id, appended to the thread or put before `before`. */
function addRow(doc: Document, id: string, where: 'end' | 'start' | { before: string }) {
  const thread = doc.querySelector(demoSelectors.thread)!;
  const row = doc.querySelector(demoSelectors.message)!.cloneNode(true) as Element;
  row.setAttribute('data-msg-id', id);
  if (where === 'end') thread.append(row);
  else if (where === 'start') thread.prepend(row);
  else thread.querySelector(`[data-msg-id="${where.before}"]`)!.before(row);
}

/** What the adapter reads, given the ids already read. */
const read = (doc: Document, known: Set<string>, whole = false) => demoAdapter.readMessages(doc, NOW, (id) => known.has(id), whole).map((m) => m.id);

describe('reading only the new rows of a thread', () => {
  test('new messages at the end are read, and nothing else', () => {
    const doc = loadFixture('demo/standard.html');
    const known = new Set(read(doc, new Set()));
    expect([...known]).toEqual(['b0003-m1', 'b0003-m2', 'b0003-m3']);
    expect(read(doc, known)).toEqual([]);
    addRow(doc, 'b0003-m4', 'end');
    // A separator a console draws between days is not a message and does not stop the walk.
    doc.querySelector(demoSelectors.thread)!.append(doc.createElement('hr'));
    addRow(doc, 'b0003-m5', 'end');
    expect(read(doc, known)).toEqual(['b0003-m4', 'b0003-m5']);
  });

  test('history loaded above is read whole, in order', () => {
    const doc = loadFixture('demo/standard.html');
    const known = new Set(read(doc, new Set()));
    addRow(doc, 'b0003-m0', 'start');
    addRow(doc, 'b0003-m4', 'end');
    expect(read(doc, known)).toEqual(['b0003-m0', 'b0003-m4']);
  });

  test('a row put in the middle waits for the whole pass, which finds it', () => {
    const doc = loadFixture('demo/standard.html');
    const known = new Set(read(doc, new Set()));
    addRow(doc, 'b0003-late', { before: 'b0003-m3' });
    expect(read(doc, known)).toEqual([]);
    expect(read(doc, known, true)).toEqual(['b0003-late']);
  });
});
