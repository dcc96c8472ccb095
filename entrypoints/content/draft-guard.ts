import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkMessage, type CompiledCustomRules } from '@/lib/guard';
import type { GuardCategory } from '@/lib/guard/types';
import { applySuggestion, draftFindings, findingKey, holdFor, type DraftFinding } from '@/lib/draft-guard';
import { insertText } from '@/lib/editors';
import { isTextField } from '@/lib/editors/text-field';
import type { GuardLevel } from '@/lib/settings';
import { queryDeep } from '@/lib/sites/frames';
import type { SiteAdapter } from '@/lib/sites/types';

/**
 * How often a draft being typed is checked, at most: findings follow the typing within this. 200 ms keeps the
 * check under 5% of the page's main-thread time while typing (`npm run bench -- guard-typing`) now that a learned
 * checker reads every clause; a send is always checked whatever the timer.
 */
const CHECK_EVERY_MS = 200;

export interface DraftGuardView {
  findings: DraftFinding[];
  held: 'confirm' | 'block' | null;
}

/**
 * Checks the console's chat input as the agent types (lib/guard, under a millisecond a message) and holds a
 * send (Enter, or the console's Send button) whose draft has a finding at or above the confirm level. The
 * draft stays in the input; "send anyway" lets exactly one send through. Warnings and held sends are reported
 * once each to the worker, which counts them in the period's metrics.
 */
export function watchDraft(options: {
  ctx: ContentScriptContext;
  adapter: SiteAdapter;
  doc: Document;
  levels: () => Record<GuardCategory, GuardLevel>;
  /** The shop's own rules, compiled once per change of them. */
  rules: () => CompiledCustomRules | undefined;
  show: (view: DraftGuardView | null) => void;
  record: (kind: 'warn' | 'held', categories: GuardCategory[]) => void;
}) {
  const { ctx, adapter, doc } = options;
  let findings: DraftFinding[] = [];
  let held: DraftGuardView['held'] = null;
  let shownKey = '';
  /** The warnings already counted for the draft being written; emptied when the input is. */
  let warned = new Set<string>();
  /** One send let through after the agent confirmed. */
  let letThrough = false;

  const input = () => adapter.findInput(doc);
  const sendSelector = adapter.health?.send ?? adapter.sendButton;
  const sendButton = () => (sendSelector ? queryDeep<HTMLElement>(doc, sendSelector) : null);
  const draftOf = (el: HTMLElement) => (isTextField(el) ? el.value : (el.textContent ?? ''));
  const isInput = (node: EventTarget | undefined) => {
    const el = input();
    return Boolean(el && node instanceof Node && (el === node || el.contains(node)));
  };

  const show = () => {
    const key = JSON.stringify([findings, held]);
    if (key === shownKey) return;
    shownKey = key;
    options.show(findings.length || held ? { findings, held } : null);
  };

  const check = () => {
    const el = input();
    const draft = el ? draftOf(el) : '';
    const levels = options.levels();
    // Every kind switched off: the guard is off, and costs the typing nothing.
    const on = Object.values(levels).some((level) => level !== 'off');
    findings = on && draft.trim() ? draftFindings(draft, checkMessage(draft, { side: 'shop', rules: options.rules() }), levels) : [];
    if (!draft.trim()) warned = new Set();
    const fresh = findings.filter((f) => !warned.has(findingKey(f)));
    if (fresh.length) {
      for (const f of fresh) warned.add(findingKey(f));
      options.record('warn', [...new Set(fresh.map((f) => f.category))]);
    }
    // A held send is released once the draft no longer has what held it.
    if (held && holdFor(findings) === 'none') held = null;
    show();
  };

  /** Whether this send goes through; when not, it is held (or refused) and the sidebar asks. */
  const allowSend = (): boolean => {
    // The console empties its input as it sends, without an input event: look again once it has.
    const afterSend = () => {
      ctx.setTimeout(check, 100);
      return true;
    };
    if (letThrough) {
      letThrough = false;
      return afterSend();
    }
    check();
    const hold = holdFor(findings);
    if (hold === 'none') return afterSend();
    if (held !== hold) options.record('held', [...new Set(findings.filter((f) => f.level !== 'warn').map((f) => f.category))]);
    held = hold;
    show();
    return false;
  };

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  /**
   * While the agent types, the draft is checked at most once per CHECK_EVERY_MS, on the latest text: a fast
   * typist's every key would cost the console's thread a check each for findings nobody reads that fast. A
   * send is always checked on the text it sends (allowSend).
   */
  let pending = false;
  const checkSoon = () => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      check();
    }, CHECK_EVERY_MS);
  };
  ctx.addEventListener(doc, 'input', (event) => isInput(event.composedPath()[0]) && checkSoon(), { capture: true });
  // The guard builds its word tables on first use: at idle after load, not on the agent's first key.
  ctx.requestIdleCallback(() => void checkMessage('亲', { side: 'shop', rules: options.rules() }), { timeout: 5_000 });
  // Captured on the window, before the console's own handlers on the input or the page.
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      if (!isInput(event.composedPath()[0]) || allowSend()) return;
      stop(event);
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'click',
    (event) => {
      const button = sendButton();
      const target = event.composedPath()[0];
      if (!button || !(target instanceof Node) || !button.contains(target) || allowSend()) return;
      stop(event);
    },
    { capture: true },
  );

  return {
    /** The agent confirmed: the draft goes out once, by the console's own Send (or Enter where it has none). */
    sendAnyway() {
      if (held !== 'confirm') return;
      held = null;
      show();
      letThrough = true;
      const button = sendButton();
      if (button) button.click();
      else input()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
      // A console that ignored it leaves no send to let through later by surprise.
      setTimeout(() => (letThrough = false), 500);
    },
    /** The agent goes back to the draft to change it. */
    edit() {
      held = null;
      show();
      input()?.focus();
    },
    /** Finding `index`'s span is replaced by its suggestion, as a snippet is inserted. */
    async useSuggestion(index: number) {
      const finding = findings[index];
      const el = input();
      // Not when the words under the span changed since they were flagged.
      if (!finding || !el || !applySuggestion(draftOf(el), finding)) return;
      el.focus();
      if (!selectSpan(el, finding.start, finding.end)) return;
      await insertText(el, finding.suggestion!);
      check();
    },
    check,
  };
}

/** Selects characters [start, end) of the input's text, so that an insertion replaces them. */
function selectSpan(el: HTMLElement, start: number, end: number): boolean {
  if (isTextField(el)) {
    el.setSelectionRange(start, end);
    return true;
  }
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      const selection = doc.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    offset += length;
  }
  return false;
}
