import { isTextField } from '@/lib/editors/text-field';

/**
 * Puts `text` on the clipboard from the console's page, for a reply that could be inserted nowhere, so the
 * agent pastes it with Ctrl+V. (The sidebar's frame copies on its own: entrypoints/sidebar/main.tsx.)
 * The Clipboard API first; it needs the page focused, and Firefox asks for the agent's gesture. Then the
 * old copy command from a hidden textarea, which takes the focus for a moment: the focus and the
 * editor's selection are put back, so that Ctrl+V replaces what the insert would have replaced (a shortcut
 * typed before Tab). Says whether either worked.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API, page not focused, or not allowed: the copy command may still be.
  }
  return copyWithCommand(text, doc);
}

function copyWithCommand(text: string, doc: Document): boolean {
  if (typeof doc.execCommand !== 'function' || !doc.body) return false;
  const active = doc.activeElement as HTMLElement | null;
  const putBack = keepSelection(doc, active);
  const area = doc.createElement('textarea');
  area.value = text;
  // Read-only: no on-screen keyboard pops up on a touch screen. Fixed and transparent: the page does not
  // scroll to it or show it. Hidden from assistive technology, which would announce the focus moving.
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', width: '1px', height: '1px', opacity: '0', pointerEvents: 'none' });
  doc.body.append(area);
  let copied = false;
  try {
    area.focus({ preventScroll: true });
    area.select();
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    putBack();
  }
  return copied;
}

/** The focus and selection as they are now, and how to put them back after the textarea took them. */
function keepSelection(doc: Document, active: HTMLElement | null): () => void {
  if (active && isTextField(active)) {
    const { selectionStart, selectionEnd, selectionDirection } = active;
    return () => {
      active.focus({ preventScroll: true });
      if (selectionStart !== null && selectionEnd !== null) active.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
    };
  }
  const selection = doc.getSelection();
  const ranges = selection ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i).cloneRange()) : [];
  return () => {
    if (active && active !== doc.body) active.focus({ preventScroll: true });
    if (!selection) return;
    selection.removeAllRanges();
    for (const range of ranges) selection.addRange(range);
  };
}
