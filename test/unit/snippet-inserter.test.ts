import { afterEach, describe, expect, test, vi } from 'vitest';
import { createInserter } from '@/entrypoints/content/snippet-inserter';
import type { SiteAdapter } from '@/lib/sites/types';
import { defaultSnippets } from '@/lib/snippets/defaults';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

// A reply with no fill-ins: the text that goes in (or is copied) is its body as written.
const snippet = defaultSnippets.find((s) => !s.body.includes('{{'))!;

function inserterFor(input: HTMLElement | null) {
  const adapter = { findInput: () => input, shopName: () => null } as unknown as SiteAdapter;
  return createInserter({ adapter, doc: document, conversation: () => null, agentName: () => '', locale: () => 'zh-CN', askFor: vi.fn() });
}

/** A framework-controlled field that renders its own state back over any edit: nothing ever stays. */
function stubbornField(): HTMLTextAreaElement {
  const field = document.createElement('textarea');
  field.addEventListener('input', () => setTimeout(() => (field.value = ''), 0));
  document.body.append(field);
  return field;
}

describe('createInserter', () => {
  test('inserted: the text stayed in the input, and nothing is copied', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const field = document.createElement('textarea');
    document.body.append(field);
    expect(await inserterFor(field)(snippet)).toBe('inserted');
    expect(field.value).toBe(snippet.body);
    expect(writeText).not.toHaveBeenCalled();
  });

  test('copied: the text stayed nowhere, and is on the clipboard', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const field = stubbornField();
    expect(await inserterFor(field)(snippet)).toBe('copied');
    expect(field.value).toBe('');
    expect(writeText).toHaveBeenCalledWith(snippet.body);
  });

  test('failed: the text stayed nowhere, and the copy failed too', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    expect(await inserterFor(stubbornField())(snippet)).toBe('failed');
  });

  test('no-input: the page shows no chat input; nothing is copied', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    expect(await inserterFor(null)(snippet)).toBe('no-input');
    expect(writeText).not.toHaveBeenCalled();
  });
});
