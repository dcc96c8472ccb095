import { countMatches, isValidPath, joinPath, queryAllDeepPath, queryAllWithin } from './query';
import { CUSTOM_PARTS, type CustomPart } from './schema';

/**
 * Selectors derived from what the agent points at, for custom adapters (the picker). A console's build
 * renames its generated class names (`css-1x2y3z`, `sc-AxjAm`, `Chat_row__a1B2c`) on every release, so a
 * selector prefers what survives a release: ids and data-* hooks, names and roles, class names a person
 * wrote, and structure (nth-of-type) only as the last resort. Pure DOM: works on the live page and in
 * happy-dom; elements inside open shadow roots get a `>>>` path (./query.ts).
 */

/** What the picker warns about: matches nothing, matches rows of both senders, or several where one is meant. */
export type SelectorWarning = 'none' | 'bothSenders' | 'notUnique' | 'invalid';

export interface DerivedSelector {
  /** A selector path (./query.ts); relative to the row for a row's inner part. */
  selector: string;
  /** How many elements it matches on the page (inner parts: in the row given). */
  matches: number;
  warning?: SelectorWarning;
  /** Leans on structure (nth-of-type) or on generated class names: likely to break with the console's next release. */
  fragile?: true;
}

export { CUSTOM_PARTS, type CustomPart } from './schema';

// ---------------------------------------------------------------------------------------------------
// Generated names

/**
 * Whether a class name (or id) was made by a build tool rather than written by a person, so that it
 * changes with the next release: emotion `css-1x2y3z`, styled-components `sc-AxjAm` and `kVfWkp`,
 * styled-jsx `jsx-123`, CSS modules `index-module__row___3xYz` / `Chat_row__a1B2c` / `_row_1x2y3_12`,
 * hashes `_a1b2c3`, `e1f9c0a2`. Framework prefixes (`ant-btn`, `el-input__inner`) and utility names
 * (`col-md-6`, `mt20`, `h5-title`) are written by people and are kept.
 */
export function looksGenerated(className: string): boolean {
  const name = className.trim();
  if (!name) return false;
  if (/^css-[a-z0-9]{4,}(-|$)/i.test(name)) return true; // emotion (with its optional -Label)
  if (/^sc-[a-z]{4,}$/i.test(name)) return true; // styled-components
  if (/^jsx-\d+$/.test(name)) return true; // styled-jsx
  if (/^svelte-[a-z0-9]{5,}$/.test(name)) return true;
  if (/_{2,3}[a-z0-9_-]{5,}$/i.test(name) && /[0-9]|[A-Z].*[a-z]|[a-z].*[A-Z]/.test(name.replace(/^.*_{2,3}/, ''))) return true; // CSS modules
  if (/^_[a-z0-9]+_[a-z0-9]{5}(_\d+)?$/i.test(name) && /\d/.test(name)) return true; // Vite CSS modules
  if (/^_?[a-z0-9]{5,}$/i.test(name) && /\d/.test(name) && /[a-z]/i.test(name) && digitLetterSwitches(name) >= 3) return true; // a1b2c3
  if (/^[a-z]{5,10}$/i.test(name) && caseSwitches(name) >= 3) return true; // kVfWkp
  // A hash inside a readable name: `msg-3fa9c2d1`, `row_x7Kq2p`.
  return name.split(/[-_]/).some((part) => part.length >= 6 && /\d/.test(part) && /[a-z]/i.test(part) && digitLetterSwitches(part) >= 3);
}

function digitLetterSwitches(text: string): number {
  let switches = 0;
  for (let i = 1; i < text.length; i++) if (/\d/.test(text[i]!) !== /\d/.test(text[i - 1]!)) switches++;
  return switches;
}

function caseSwitches(text: string): number {
  let switches = 0;
  for (let i = 1; i < text.length; i++) if (/[A-Z]/.test(text[i]!) !== /[A-Z]/.test(text[i - 1]!)) switches++;
  return switches;
}

/** Names of a passing state: the row the agent clicked may be hovered or selected; its siblings are not. */
const TRANSIENT = /^(is-|has-)?(active|hover(ed)?|focus(ed)?|selected|current|checked|highlight(ed)?|new|unread|visible|show|open|animate[a-z-]*|fade[a-z-]*|enter[a-z-]*|leave[a-z-]*)$|--(active|hover|focus|selected|current|checked|highlight)$/i;

/** Words consoles use for which side of the chat a message is on: such a modifier is what tells senders apart. */
const SENDER_WORD = /(^|[-_]|\b)(buyer|customer|guest|visitor|user|client|other|from|left|receive[d]?|incoming|in|shop|seller|kefu|service|staff|agent|self|mine|my|me|own|right|sent|send|outgoing|out|robot|bot|auto|ai|system)($|[-_]|\b)/i;

/** A value worth naming in a selector: short, readable, no per-element number. */
function stableValue(value: string): boolean {
  return value.length > 0 && value.length <= 40 && !/\d{3,}/.test(value) && !looksGenerated(value) && !/["\\\n]/.test(value);
}

function stableId(id: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(id) && stableValue(id);
}

// ---------------------------------------------------------------------------------------------------
// Selector text

/** CSS.escape for identifiers, without needing the page's window. */
export function cssIdent(value: string): string {
  let out = '';
  for (const [i, ch] of [...value].entries()) {
    const code = ch.codePointAt(0)!;
    if (code === 0) out += '\uFFFD';
    else if ((code >= 1 && code <= 0x1f) || code === 0x7f || (i === 0 && /\d/.test(ch)) || (i === 1 && /\d/.test(ch) && value[0] === '-')) out += `\\${code.toString(16)} `;
    else if (i === 0 && ch === '-' && value.length === 1) out += '\\-';
    else if (code >= 0x80 || /[\w-]/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

const attrSelector = (name: string, value?: string) => (value === undefined ? `[${name}]` : `[${name}="${value}"]`);

/** Attributes that never identify a part: presentation, links, per-element text. */
const SKIPPED_ATTRS = /^(class|id|style|src|srcset|href|alt|title|tabindex|draggable|width|height|value|placeholder|autocomplete|spellcheck|dir|lang|translate|hidden|on.*|aria-(?!label$).*|data-v-[0-9a-f]+|data-reactid|data-reactroot|data-index|data-key|data-offset|data-top|_ngcontent-.*|_nghost-.*|ng-reflect-.*)$/i;
/** data-* names that exist for tests and tooling: the most stable hooks a page has. */
const TEST_HOOKS = /^data-(testid|test-id|test|qa|cy|e2e|automation|hook|role|part|component|element)$/i;

/** One thing an element can be selected by; lower cost is more robust. */
interface Feature {
  selector: string;
  cost: number;
  /** For rows: a modifier naming the sender (`msg--buyer`, `data-from="shop"`). */
  sender?: boolean;
  generated?: boolean;
}

const isCustomElement = (el: Element) => el.localName.includes('-');

/** What `el` can be selected by: its id, attributes, class names and tag, each with its cost. */
function featuresOf(el: Element): Feature[] {
  const features: Feature[] = [];
  const tag = el.localName;
  if (el.id && stableId(el.id)) features.push({ selector: `#${cssIdent(el.id)}`, cost: 0 });
  for (const { name, value } of [...el.attributes]) {
    // Names a selector cannot spell unescaped (`:foo`, `@click` left by some frameworks) are no hook.
    if (SKIPPED_ATTRS.test(name) || !/^[A-Za-z_][\w-]*$/.test(name)) continue;
    const hook = TEST_HOOKS.test(name);
    if (stableValue(value)) {
      const cost = hook ? 1 : name.startsWith('data-') || name === 'name' ? 2 : name === 'role' || name === 'type' ? 4 : 3;
      features.push({ selector: attrSelector(name, value), cost, sender: SENDER_WORD.test(value) || /(from|sender|side|direction|owner|source|role|type)$/i.test(name) });
    }
    // The presence of a per-message attribute marks every message row (`[data-msg-id]`).
    if ((name.startsWith('data-') || isCustomElement(el)) && value !== '' && !stableValue(value)) features.push({ selector: attrSelector(name), cost: 3 });
    if (value === '' && (name.startsWith('data-') || name === 'contenteditable' || isCustomElement(el))) features.push({ selector: attrSelector(name), cost: 3, sender: SENDER_WORD.test(name.replace(/^data-/, '')) });
  }
  for (const cls of el.classList) {
    if (!/^-?[A-Za-z_][\w-]*$/.test(cls) || TRANSIENT.test(cls)) continue;
    if (!looksGenerated(cls)) {
      features.push({ selector: `.${cssIdent(cls)}`, cost: 2.5, sender: SENDER_WORD.test(cls) });
      continue;
    }
    // A CSS module keeps its module and local name across builds; only the hash after them changes.
    const modulePrefix = /^(.*[A-Za-z]_{2,3})[A-Za-z0-9_-]{5,}$/.exec(cls)?.[1];
    if (modulePrefix && /[A-Za-z]{3}/.test(modulePrefix)) features.push({ selector: `[class*="${modulePrefix}"]`, cost: 3, sender: SENDER_WORD.test(modulePrefix) });
    else features.push({ selector: `.${cssIdent(cls)}`, cost: 20, generated: true });
  }
  // A custom element's name is its component's: as stable as a hook. A plain tag is only a last resort.
  if (isCustomElement(el)) features.push({ selector: tag, cost: 1.5 });
  else if (/^(textarea|button|input|time|li|tr|article|main|header|footer|nav|aside|form|select)$/.test(tag)) features.push({ selector: tag, cost: 3.5 });
  return features;
}

// ---------------------------------------------------------------------------------------------------
// Roots and shadow roots

type Root = Document | ShadowRoot;

function rootOf(el: Element): Root {
  return el.getRootNode() as Root;
}

function isShadowRoot(node: Node | null): node is ShadowRoot {
  return node !== null && node.nodeType === 11 && 'host' in node;
}

/** The element's parent, across a shadow root's boundary to its host. */
function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  return isShadowRoot(el.parentNode) ? el.parentNode.host : null;
}

function selectIn(scope: ParentNode, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The path of `inRoot` (a selector within `el`'s root) from the document: its hosts' selectors before it. */
function withHosts(el: Element, inRoot: string): string {
  const root = rootOf(el);
  if (!isShadowRoot(root)) return inRoot;
  return joinPath([deriveSelector(root.host).selector, inRoot]);
}

function documentOf(el: Element): Document {
  return el.ownerDocument;
}

// ---------------------------------------------------------------------------------------------------
// One element

/** A selector unique in `el`'s root (document or shadow root), not matching `avoid`; null when none of `features` is. */
function uniqueAmong(el: Element, candidates: string[], avoid: ReadonlySet<Element>): string | null {
  const root = rootOf(el);
  for (const selector of candidates) {
    const found = selectIn(root, selector);
    if (found.length === 1 && found[0] === el && !avoid.has(el)) return selector;
  }
  return null;
}

/** Selectors of `el` alone, the robust before the short: single features, tag-qualified, then pairs. */
function ownCandidates(el: Element): string[] {
  const features = featuresOf(el).sort((a, b) => a.cost - b.cost);
  const plain = features.filter((f) => !f.generated);
  const tag = el.localName;
  const withTag = (s: string) => (s === tag || s.startsWith('#') ? s : `${tag}${s}`);
  const singles = plain.flatMap((f) => [f.selector, withTag(f.selector)]);
  const pairs: string[] = [];
  const best = plain.slice(0, 6);
  for (let i = 0; i < best.length; i++) for (let j = i + 1; j < best.length; j++) pairs.push(withTag(combine(best[i]!.selector, best[j]!.selector, tag)));
  return [...new Set([...singles, ...pairs])];
}

/** Two compound selectors on one element: the tag, if any, must come first. */
function combine(a: string, b: string, tag: string): string {
  const tagged = (s: string) => s === tag || (s.startsWith(tag) && /^[[.#:]/.test(s.slice(tag.length)));
  const strip = (s: string) => (tagged(s) ? s.slice(tag.length) : s);
  return `${tagged(a) || tagged(b) ? tag : ''}${strip(a)}${strip(b)}`;
}

/** `tag:nth-of-type(n)` steps from `from` (exclusive) down to `el`. */
function structuralPath(el: Element, from: ParentNode): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node && node !== from; node = node.parentElement) {
    const parent = node.parentElement ?? (node.parentNode as ParentNode | null);
    const same = parent ? [...parent.children].filter((c) => c.localName === node!.localName) : [node];
    steps.unshift(same.length > 1 ? `${node.localName}:nth-of-type(${same.indexOf(node) + 1})` : node.localName);
    if (!node.parentElement) break;
  }
  return steps.join(' > ');
}

/**
 * A selector for one element the agent pointed at (the chat input, the send button, the buyer's name):
 * unique on the page, robust, short. Within the element's own root first; elements in shadow roots get
 * their hosts' selectors before a `>>>`. `avoid`: elements the selector must not match.
 */
export function deriveSelector(chosen: Element, options: { avoid?: Element[] } = {}): DerivedSelector {
  const avoid = new Set(options.avoid ?? []);
  const root = rootOf(chosen);
  let inRoot = uniqueAmong(chosen, ownCandidates(chosen), avoid);
  // Anchored to the nearest ancestor that has a robust selector of its own: `#composer textarea`.
  if (!inRoot) {
    const own = ownCandidates(chosen).slice(0, 6);
    for (let anc = chosen.parentElement, depth = 0; anc && depth < 8 && !inRoot; anc = anc.parentElement, depth++) {
      const anchor = uniqueAmong(anc, ownCandidates(anc), new Set());
      if (!anchor) continue;
      inRoot = uniqueAmong(chosen, [...own.map((s) => `${anchor} ${s}`), `${anchor} ${chosen.localName}`, `${anchor} > ${structuralPath(chosen, anc)}`], avoid);
      if (!inRoot) inRoot = `${anchor} > ${structuralPath(chosen, anc)}`;
    }
  }
  inRoot ??= structuralPath(chosen, root);
  const selector = withHosts(chosen, inRoot);
  const matches = countMatches(documentOf(chosen), selector);
  return withWarning({ selector, matches }, matches === 0 ? 'none' : matches > 1 ? 'notUnique' : undefined);
}

function withWarning(derived: DerivedSelector, warning: SelectorWarning | undefined): DerivedSelector {
  const fragile = isFragile(derived.selector);
  return { ...derived, ...(warning ? { warning } : {}), ...(fragile ? { fragile } : {}) };
}

/** Whether a selector leans on structure or generated names (see DerivedSelector.fragile). */
export function isFragile(selector: string): boolean {
  return /:nth-(of-type|child)\(/.test(selector) || [...selector.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].some((m) => looksGenerated(m[1]!));
}

// ---------------------------------------------------------------------------------------------------
// Rows: a chosen message generalised to all messages of its kind

function classSet(el: Element): string[] {
  return [...el.classList].filter((c) => !TRANSIENT.test(c));
}

/** Whether two siblings are rows of one list: same tag, and a class, a data-* hook or a custom tag in common. */
function alike(a: Element, b: Element): boolean {
  if (a === b) return true;
  if (a.localName !== b.localName) return false;
  const bClasses = new Set(classSet(b));
  if (classSet(a).some((c) => bClasses.has(c) && !looksGenerated(c))) return true;
  const dataNames = (el: Element) => [...el.attributes].map((at) => at.name).filter((n) => n.startsWith('data-') && !/^data-v-/.test(n));
  const bData = new Set(dataNames(b));
  if (dataNames(a).some((n) => bData.has(n))) return true;
  if (isCustomElement(a) || /^(li|tr|article)$/.test(a.localName)) return true;
  // A page of generated names only: the same generated class still marks the same component.
  return classSet(a).some((c) => bClasses.has(c));
}

function siblingsOf(el: Element): Element[] {
  const parent = el.parentElement ?? (el.parentNode as ParentNode | null);
  return parent ? [...parent.children] : [el];
}

/**
 * The message row around what the agent clicked: the ancestor (or the element itself) repeated most
 * among its siblings, below any element of `exclude` (a row that holds the other sender's message is the
 * whole list, not a row). A click on the text of a bubble lands on the row that bubble belongs to.
 */
export function rowOf(chosen: Element, exclude: readonly Element[] = []): Element {
  let best = chosen;
  let bestCount = 1;
  for (let el: Element | null = chosen, depth = 0; el && depth < 14; el = parentAcross(el), depth++) {
    if (el.localName === 'body' || el.localName === 'html') break;
    if (exclude.some((x) => x !== el && el!.contains(x))) break;
    const count = siblingsOf(el).filter((s) => alike(s, el!)).length;
    if (count > bestCount) {
      best = el;
      bestCount = count;
    }
  }
  return best;
}

/** The row of each excluded element at the chosen row's level (its own row if it is in another list). */
function excludedRows(row: Element, exclude: readonly Element[]): Element[] {
  return exclude.map((x) => {
    for (let el: Element | null = x; el; el = parentAcross(el)) if (el !== row && alike(el, row) && el.parentNode === row.parentNode) return el;
    for (let el: Element | null = x; el; el = parentAcross(el)) if (el !== row && alike(el, row)) return el;
    return rowOf(x);
  });
}

interface RowCandidate {
  selector: string;
  matched: Element[];
  cost: number;
  /** Names a side or a sender (`left`, `data-from`, `robot-tag`): what the agent meant, before what is widest. */
  sender: boolean;
}

/**
 * A selector for every message of the chosen one's kind: it matches the chosen row and the rows like it,
 * and none of `exclude` (the other sender's message chosen earlier). When the senders' rows differ only
 * by a modifier (`msg--buyer`/`msg--shop`, `left`/`right`, `is-self`, `data-from="buyer"`) the modifier is
 * in the selector; with nothing excluded yet, a modifier naming a side is kept when the row has one.
 */
export function deriveRowSelector(chosen: Element, options: { exclude?: Element[] } = {}): DerivedSelector {
  const row = rowOf(chosen, options.exclude);
  const root = rootOf(row);
  const excluded = excludedRows(row, options.exclude ?? []);
  const rowsLike = siblingsOf(row).filter((s) => alike(s, row));
  const features = featuresOf(row).filter((f) => !f.selector.startsWith('#'));
  const onAll = (f: Feature, els: Element[]) => els.every((el) => el.matches(f.selector));
  const readable = features.filter((f) => !f.generated);
  // What every row of the list shares (`.msg`), and what sets this one's kind apart (`.msg--buyer`).
  const shared = readable.filter((f) => onAll(f, [...rowsLike, ...excluded]));
  const base = shared.sort((a, b) => a.cost - b.cost)[0]?.selector ?? row.localName;
  const splitting = features.filter((f) => !excluded.some((x) => x.matches(f.selector)) && !onAll(f, rowsLike.length > 1 ? rowsLike : [row, ...excluded]));
  const modifiers = excluded.length ? features.filter((f) => !excluded.some((x) => x.matches(f.selector))) : splitting.filter((f) => f.sender);

  const candidates: RowCandidate[] = [];
  const consider = (selector: string, cost: number, sender = false) => {
    const matched = selectIn(root, selector);
    if (!matched.includes(row) || excluded.some((x) => matched.includes(x))) return;
    candidates.push({ selector, matched, cost, sender });
  };
  for (const m of modifiers) consider(m.selector === base ? base : combine(base, m.selector, row.localName) || m.selector, m.cost + (m.sender ? 0 : 3) + (m.generated ? 20 : 0), m.sender);
  if (excluded.length) {
    // The kinds differ inside the row: `.msg:has(.bubble--left)`, or the mark the agent pointed at (`.robot-tag`).
    const marks = chosen !== row && row.contains(chosen) ? [chosen] : [];
    for (const inner of [...marks, ...[...row.querySelectorAll('*')].slice(0, 60)]) {
      for (const f of featuresOf(inner).filter((g) => !g.generated && !/^#/.test(g.selector))) {
        if (excluded.some((x) => x.querySelector(f.selector))) continue;
        const pointed = inner === chosen && !/^[a-z-]+$/.test(f.selector);
        consider(`${base}:has(${f.selector})`, 6 + f.cost + (f.sender || pointed ? 0 : 3), f.sender || pointed);
      }
    }
  }
  if (excluded.length && !candidates.length) {
    // The other kind carries the modifier and this one none (`is-self` on the shop's rows only).
    const theirs = excluded.flatMap((x) => featuresOf(x)).filter((f) => !f.generated && !f.selector.startsWith('#') && !row.matches(f.selector));
    for (const f of theirs) consider(`${base}:not(${f.selector})`, 4 + f.cost + (f.sender ? 0 : 3));
  }
  if (!candidates.length) consider(base, shared.length ? 4 : 8);
  // The widest selector first (it generalises to every row of the kind), then the most robust.
  candidates.sort((a, b) => Number(b.sender) - Number(a.sender) || b.matched.filter((el) => alike(el, row)).length - a.matched.filter((el) => alike(el, row)).length || a.cost - b.cost);
  let inRoot = candidates[0]?.selector ?? structuralPath(row, root);
  // Rows of another list that look the same (the conversation list's items): narrowed to this list.
  if (selectIn(root, inRoot).some((el) => !alike(el, row) || el.parentNode !== row.parentNode)) {
    const list = row.parentElement;
    const anchor = list ? uniqueAmong(list, ownCandidates(list), new Set()) : null;
    if (anchor) inRoot = `${anchor} > ${inRoot}`;
  }
  const selector = withHosts(row, inRoot);
  const doc = documentOf(row);
  const all = queryAllDeepPath(doc, selector);
  const both = (options.exclude ?? []).some((x) => all.some((el) => el === x || el.contains(x)));
  return withWarning({ selector, matches: all.length }, all.length === 0 ? 'none' : both ? 'bothSenders' : undefined);
}

/**
 * A row-relative selector for a part of a message (its time, its text): the first match inside `row`
 * is `chosen`. Prefers the part's own robust name (`.msg-time`, `time`), else a path from the row.
 */
export function deriveInnerSelector(row: Element, chosen: Element): DerivedSelector {
  const steps: string[] = [];
  // Inside shadow roots under the row: one `>>>` per root crossed.
  let el = chosen;
  while (rootOf(el) !== rootOf(row) && isShadowRoot(rootOf(el))) {
    const host = (rootOf(el) as ShadowRoot).host;
    steps.unshift(innerStep(host.shadowRoot!, el));
    el = host;
  }
  steps.unshift(el === row ? ':scope' : innerStep(row, el));
  const selector = joinPath(steps);
  const matches = queryAllWithin(row, selector).length;
  return withWarning({ selector, matches }, matches === 0 ? 'none' : undefined);
}

function innerStep(scope: ParentNode, el: Element): string {
  const first = (sel: string) => {
    try {
      return scope.querySelector(sel) === el;
    } catch {
      return false;
    }
  };
  const found = ownCandidates(el).find(first);
  if (found) return found;
  return structuralPath(el, scope);
}

// ---------------------------------------------------------------------------------------------------
// Live counts while picking

export interface PartCount {
  matches: number;
  warning?: SelectorWarning;
}

const ROW_PARTS = new Set<CustomPart>(['buyerMessage', 'shopMessage', 'robotMessage', 'conversationRow']);
const INNER_OF: Partial<Record<CustomPart, CustomPart[]>> = { messageText: ['buyerMessage', 'shopMessage'], messageTime: ['buyerMessage', 'shopMessage'], conversationName: ['conversationRow'] };

/**
 * Each part's match count on the page, and what is wrong with it: matches nothing; a buyer selector that
 * also matches a shop row (or a robot selector a buyer row); several where the part is one element;
 * a selector the browser rejects. Inner parts count the rows that have them.
 */
export function partWarnings(doc: Document, selectors: Partial<Record<CustomPart, string>>): Partial<Record<CustomPart, PartCount>> {
  const out: Partial<Record<CustomPart, PartCount>> = {};
  const rows = new Map<CustomPart, Element[]>();
  for (const part of CUSTOM_PARTS) {
    const selector = selectors[part];
    if (selector && !INNER_OF[part] && isValidPath(doc, selector)) rows.set(part, queryAllDeepPath(doc, selector));
  }
  // The same rows, or one part's elements inside the other's (a robot mark in a buyer's row, a "row" that is the whole list).
  const within = (inner: Element[], outer: Element[]) => {
    const set = new Set(outer);
    return inner.some((el) => {
      for (let node: Element | null = el; node; node = parentAcross(node)) if (set.has(node)) return true;
      return false;
    });
  };
  const overlaps = (a: CustomPart, b: CustomPart) => within(rows.get(a) ?? [], rows.get(b) ?? []) || within(rows.get(b) ?? [], rows.get(a) ?? []);
  for (const part of CUSTOM_PARTS) {
    const selector = selectors[part];
    if (!selector) continue;
    if (!isValidPath(doc, selector)) {
      out[part] = { matches: 0, warning: 'invalid' };
      continue;
    }
    const inner = INNER_OF[part];
    const matches = inner ? [...new Set(inner.flatMap((p) => rows.get(p) ?? []))].filter((row) => queryAllWithin(row, selector).length > 0).length : rows.get(part)!.length;
    let warning: SelectorWarning | undefined = matches === 0 ? 'none' : undefined;
    if (!warning && (part === 'buyerMessage' || part === 'shopMessage') && overlaps('buyerMessage', 'shopMessage')) warning = 'bothSenders';
    if (!warning && part === 'robotMessage' && overlaps('robotMessage', 'buyerMessage')) warning = 'bothSenders';
    if (!warning && !inner && !ROW_PARTS.has(part) && matches > 1) warning = 'notUnique';
    out[part] = warning ? { matches, warning } : { matches };
  }
  return out;
}
