import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import {
  buildFix,
  buildSite,
  checkSite,
  defaultSiteForm,
  initialSelectors,
  isRequired,
  partKind,
  pickerParts,
  type PageInfo,
  type PickedSelectors,
  type PickerConfig,
  type PickerPart,
  type Problems,
  type SiteForm,
} from '@/lib/picker-steps';
import { deriveInnerSelector, deriveRowSelector, deriveSelector, isFragile, partWarnings, rowOf, type DerivedSelector, type SelectorWarning } from '@/lib/sites/custom/derive';
import { queryAllDeepPath, queryAllWithin, queryDeepPath } from '@/lib/sites/custom/query';

/**
 * The picker's panel (entrypoints/picker.content): walks the agent through a console's parts, one click on
 * the page each, then saves the custom adapter (or the fix to a built-in console). While a part is being
 * pointed at, the page's own clicks are held back (capture phase, before the console's handlers) so that
 * pointing at the Send button sends nothing; the page's elements are never restyled: outlines are boxes
 * drawn in the picker's own shadow root.
 */

type Send = ReturnType<typeof createClient>;

export interface PickerProps {
  config: PickerConfig;
  send: Send;
  /** The panel is done: saved (after "saved" was shown a moment) or cancelled. The caller removes it. */
  onClose: (outcome: 'saved' | 'cancelled') => void;
  /** Where the page is; the live page's location and title by default. */
  page?: PageInfo;
  now?: () => number;
  /** How long "saved" stays on screen before the panel closes. */
  closeDelayMs?: number;
}

const PART_LABEL: Record<PickerPart, MessageKey> = {
  buyerMessage: 'pickerPart_buyerMessage',
  shopMessage: 'pickerPart_shopMessage',
  robotMessage: 'pickerPart_robotMessage',
  messageTime: 'pickerPart_messageTime',
  buyerName: 'pickerPart_buyerName',
  conversationRow: 'pickerPart_conversationRow',
  conversationName: 'pickerPart_conversationName',
  input: 'layoutPart_input',
  send: 'pickerPart_send',
};

const PART_HINT: Record<PickerPart, MessageKey> = {
  buyerMessage: 'pickerHint_buyerMessage',
  shopMessage: 'pickerHint_shopMessage',
  robotMessage: 'pickerHint_robotMessage',
  messageTime: 'pickerHint_messageTime',
  buyerName: 'pickerHint_buyerName',
  conversationRow: 'pickerHint_conversationRow',
  conversationName: 'pickerHint_conversationName',
  input: 'pickerHint_input',
  send: 'pickerHint_send',
};

const WARNING: Record<SelectorWarning, MessageKey> = {
  none: 'pickerWarn_none',
  bothSenders: 'pickerWarn_bothSenders',
  notUnique: 'pickerWarn_notUnique',
  invalid: 'pickerWarn_invalid',
};

const TITLE = { new: 'pickerTitleNew', edit: 'pickerTitleEdit', fix: 'pickerTitleFix' } as const satisfies Record<PickerConfig['mode'], MessageKey>;

/** How many matched elements are outlined at most: enough to see the pattern, not a box per message of a long thread. */
const MAX_OUTLINES = 60;

/** The element an event really happened on: inside open shadow roots of the page too. */
function eventElement(event: Event): Element | null {
  const first = event.composedPath()[0] as Node | undefined;
  return first && first.nodeType === 1 ? (first as Element) : null;
}

function parentAcross(el: Element): Element | null {
  const root = el.getRootNode();
  return el.parentElement ?? ('host' in root ? (root as ShadowRoot).host : null);
}

/** The one of `rows` that holds `el` (or is it), across shadow roots. */
function rowHolding(el: Element, rows: readonly Element[]): Element | null {
  const set = new Set(rows);
  for (let node: Element | null = el; node; node = parentAcross(node)) if (set.has(node)) return node;
  return null;
}

function livePage(): PageInfo {
  return { title: document.title, hostname: location.hostname, protocol: location.protocol };
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: string };

export function Picker({ config, send, onClose, page = livePage(), now = Date.now, closeDelayMs = 1200 }: PickerProps) {
  const parts = useMemo(() => pickerParts(config), [config]);
  const [step, setStep] = useState(0);
  const [selectors, setSelectors] = useState<PickedSelectors>(() => initialSelectors(config));
  const [pickProblem, setPickProblem] = useState<MessageKey | null>(null);
  const [hover, setHover] = useState<DOMRect | null>(null);
  const [form, setForm] = useState<SiteForm>(() => defaultSiteForm(config, page));
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The page changes while the agent points (new messages, scrolling): counts and outlines follow it.
  const [tick, setTick] = useState(0);
  // The panel covers a corner of the console, often where its Send button is: the agent moves it aside.
  const [side, setSide] = useState<'right' | 'left'>('right');
  /** The elements picked in this run, to tell one sender's rows from the other's. */
  const picked = useRef<Partial<Record<PickerPart, Element>>>({});
  const panel = useRef<HTMLDivElement>(null);
  const closed = useRef(false);

  const part: PickerPart | null = step < parts.length ? parts[step]! : null;
  const counts = useMemo(() => partWarnings(document, selectors), [selectors, tick]);

  const close = (outcome: 'saved' | 'cancelled') => {
    if (closed.current) return;
    closed.current = true;
    onClose(outcome);
  };

  /** The element a part stands for: the one picked now, else the first the selector it already has matches. */
  const elementOf = (p: PickerPart): Element | null => picked.current[p] ?? (selectors[p] ? queryDeepPath(document, selectors[p]) : null);
  const rowsOf = (p: PickerPart): Element[] => (selectors[p] ? queryAllDeepPath(document, selectors[p]) : []);

  const derive = (p: PickerPart, el: Element): DerivedSelector | MessageKey => {
    const how = partKind(p);
    if (how.kind === 'single') return deriveSelector(el);
    if (how.kind === 'inner') {
      const rows = how.within.flatMap(rowsOf);
      // A fix to a built-in console knows no row selector of its own: the row is the repeated element around the click.
      const row = rows.length ? rowHolding(el, rows) : rowOf(el);
      if (!row || row === el) return p === 'messageTime' ? 'pickerOutsideMessage' : 'pickerOutsideRow';
      return deriveInnerSelector(row, el);
    }
    const other = (q: PickerPart) => (elementOf(q) ? [elementOf(q)!] : []);
    if (p === 'buyerMessage') return deriveRowSelector(el, { exclude: other('shopMessage') });
    if (p === 'shopMessage') return deriveRowSelector(el, { exclude: other('buyerMessage') });
    if (p === 'robotMessage') return deriveRowSelector(el, { exclude: [...other('buyerMessage'), ...manualShopRows(el)] });
    return deriveRowSelector(el);
  };

  /**
   * The shop's rows that are not robot replies, when the agent pointed at a robot reply's mark: rows
   * without that mark. Pointed at a whole row, nothing tells the two apart, and none are excluded.
   */
  const manualShopRows = (el: Element): Element[] => {
    const shopRows = rowsOf('shopMessage');
    const row = rowHolding(el, shopRows);
    if (!row || row === el) return [];
    const mark = deriveInnerSelector(row, el).selector;
    return shopRows.filter((r) => r !== row && queryAllWithin(r, mark).length === 0);
  };

  const pick = (p: PickerPart, el: Element) => {
    const result = derive(p, el);
    if (typeof result === 'string') {
      setPickProblem(result);
      return;
    }
    picked.current[p] = el;
    setPickProblem(null);
    setSelectors((s) => ({ ...s, [p]: result.selector }));
    setProblems((pr) => ({ ...pr, [p]: undefined }));
  };

  const own = (event: Event) => {
    const root = panel.current;
    if (!root) return false;
    const rootNode = root.getRootNode();
    const host = 'host' in rootNode ? (rootNode as ShadowRoot).host : root;
    return event.composedPath().includes(host);
  };

  // Pointing: the page's pointer events go to the picker first, and not on to the console.
  useEffect(() => {
    if (!part || status.kind === 'saved') return;
    // Closed but not yet unmounted (Preact runs an unmounted component's cleanups after the next paint): the page's again.
    const hold = (event: Event) => {
      if (closed.current || own(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const onOver = (event: Event) => {
      const el = closed.current || own(event) ? null : eventElement(event);
      setHover(el ? el.getBoundingClientRect() : null);
    };
    const onClick = (event: Event) => {
      if (closed.current || own(event)) return;
      hold(event);
      const el = eventElement(event);
      if (el) pick(part, el);
    };
    const held = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick'];
    addEventListener('mouseover', onOver, true);
    addEventListener('click', onClick, true);
    for (const type of held) addEventListener(type, hold, true);
    return () => {
      removeEventListener('mouseover', onOver, true);
      removeEventListener('click', onClick, true);
      for (const type of held) removeEventListener(type, hold, true);
      setHover(null);
    };
  }, [part, selectors, status.kind]);

  // Escape cancels from anywhere (the page or the panel); the console does not see it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || status.kind === 'saving' || closed.current) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      close('cancelled');
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [status.kind]);

  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    const timer = setInterval(again, 1000);
    addEventListener('scroll', again, { capture: true, passive: true });
    return () => {
      clearInterval(timer);
      removeEventListener('scroll', again, { capture: true });
    };
  }, []);

  const go = (to: number) => {
    setPickProblem(null);
    setStep(Math.max(0, Math.min(parts.length, to)));
  };

  const save = async () => {
    if (status.kind === 'saving' || status.kind === 'saved') return;
    const missing = parts.filter((p) => isRequired(p, config) && !selectors[p]);
    if (missing.length) {
      setProblems(Object.fromEntries(missing.map((p) => [p, t('pickerMissing')])));
      return;
    }
    const at = now();
    let request: () => Promise<unknown>;
    if (config.mode === 'fix') {
      const fix = buildFix(config.base, selectors, at);
      if (!fix.ok) return setProblems(fix.problems);
      request = () => send('adapterFix.save', { fix: fix.value });
    } else {
      const site = checkSite(buildSite(config, selectors, form, page, at));
      if (!site.ok) return setProblems(site.problems);
      request = () => send('customSites.save', { site: site.value });
    }
    setProblems({});
    setStatus({ kind: 'saving' });
    try {
      await request();
      setStatus({ kind: 'saved' });
      setTimeout(() => close('saved'), closeDelayMs);
    } catch (error) {
      // Everything stays as the agent left it: fix what was refused and save again.
      setStatus({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const outlines = part ? matchedElements(part, selectors, rowsOf) : [];

  return (
    <div class="picker" ref={panel} role="dialog" aria-label={t(TITLE[config.mode])}>
      <Overlay hover={part ? hover : null} matched={outlines.map((el) => el.getBoundingClientRect())} />
      <div class={`picker-panel picker-panel--${side}`}>
        <header class="picker-head">
          <strong>{t(TITLE[config.mode])}</strong>
          <span class="picker-step">{t('pickerStep', String(step + 1), String(parts.length + 1))}</span>
          <button type="button" class="link picker-move" onClick={() => setSide(side === 'right' ? 'left' : 'right')}>
            {t(side === 'right' ? 'sidebarMoveLeft' : 'sidebarMoveRight')}
          </button>
        </header>
        <ol class="picker-parts">
          {parts.map((p, i) => (
            <PartLine key={p} part={p} current={i === step} optional={!isRequired(p, config)} selector={selectors[p]} count={counts[p]} problem={problems[p]} onGo={() => go(i)} />
          ))}
        </ol>
        {part ? (
          <section class="picker-current">
            <div class="picker-hint">{t(PART_HINT[part])}</div>
            {selectors[part] ? (
              <div class="picker-chosen">
                <code class="picker-selector">{selectors[part]}</code>
                <span class="picker-count">{t('pickerMatches', String(counts[part]?.matches ?? 0))}</span>
                {counts[part]?.warning && <div class="picker-warning">{t(WARNING[counts[part]!.warning!])}</div>}
                {isFragile(selectors[part]) && <div class="picker-note">{t('pickerFragile')}</div>}
              </div>
            ) : (
              <div class="picker-note">{t('pickerNothingYet')}</div>
            )}
            {pickProblem && <div class="picker-warning">{t(pickProblem)}</div>}
            <div class="picker-actions">
              <button type="button" disabled={step === 0} onClick={() => go(step - 1)}>
                {t('pickerBack')}
              </button>
              {selectors[part] && (
                <button
                  type="button"
                  onClick={() => {
                    delete picked.current[part];
                    setSelectors((s) => ({ ...s, [part]: undefined }));
                  }}
                >
                  {t('pickerRepoint')}
                </button>
              )}
              {!isRequired(part, config) && !selectors[part] && (
                <button type="button" onClick={() => go(step + 1)}>
                  {t('pickerSkip')}
                </button>
              )}
              <button type="button" class="primary" disabled={isRequired(part, config) && !selectors[part]} onClick={() => go(step + 1)}>
                {t('pickerNext')}
              </button>
            </div>
          </section>
        ) : (
          <section class="picker-current">
            <div class="picker-hint">{t(config.mode === 'fix' ? 'pickerFixSummary' : 'pickerLastStep')}</div>
            {config.mode !== 'fix' && <SiteFields form={form} problems={problems} onChange={(change) => setForm((f) => ({ ...f, ...change }))} />}
            {problems.form && <div class="picker-warning">{problems.form}</div>}
            {status.kind === 'failed' && (
              <div class="picker-warning" role="alert">
                {t('pickerSaveFailed', status.error)}
              </div>
            )}
            {status.kind === 'saved' && (
              <div class="picker-saved" role="status">
                {t('pickerSaved')}
              </div>
            )}
            <div class="picker-actions">
              <button type="button" onClick={() => go(step - 1)} disabled={status.kind === 'saving'}>
                {t('pickerBack')}
              </button>
              <button type="button" class="primary" disabled={status.kind === 'saving' || status.kind === 'saved'} onClick={() => void save()}>
                {status.kind === 'saving' ? t('pickerSaving') : t('pickerSave')}
              </button>
            </div>
          </section>
        )}
        <footer class="picker-foot">
          <button type="button" class="link" onClick={() => close('cancelled')}>
            {t('pickerCancel')}
          </button>
        </footer>
      </div>
    </div>
  );
}

/** The elements the current part's selector matches (inner parts: the first in each row), to outline them. */
function matchedElements(part: PickerPart, selectors: PickedSelectors, rowsOf: (p: PickerPart) => Element[]): Element[] {
  const selector = selectors[part];
  if (!selector) return [];
  const how = partKind(part);
  const found = how.kind === 'inner' ? how.within.flatMap(rowsOf).flatMap((row) => queryAllWithin(row, selector).slice(0, 1)) : queryAllDeepPath(document, selector);
  return found.slice(0, MAX_OUTLINES);
}

function PartLine(props: { part: PickerPart; current: boolean; optional: boolean; selector?: string; count?: { matches: number; warning?: SelectorWarning }; problem?: string; onGo: () => void }) {
  const { part, current, optional, selector, count, problem, onGo } = props;
  return (
    <li class={`picker-part${current ? ' is-current' : ''}${count?.warning || problem ? ' has-warning' : ''}`} data-part={part}>
      <button type="button" class="link" onClick={onGo} aria-current={current ? 'step' : undefined}>
        {t(PART_LABEL[part])}
      </button>
      {optional && <span class="picker-optional">{t('pickerOptional')}</span>}
      {selector && count && <span class="picker-count">{t('pickerMatches', String(count.matches))}</span>}
      {count?.warning && !current && <span class="picker-warning">{t(WARNING[count.warning])}</span>}
      {problem && <div class="picker-warning">{problem}</div>}
    </li>
  );
}

function SiteFields({ form, problems, onChange }: { form: SiteForm; problems: Problems; onChange: (change: Partial<SiteForm>) => void }) {
  const field = (name: keyof SiteForm, label: MessageKey, hint?: MessageKey) => (
    <label class="picker-field">
      <span>{t(label)}</span>
      <input name={name} value={form[name]} aria-invalid={problems[name] ? 'true' : undefined} onInput={(e) => onChange({ [name]: e.currentTarget.value })} />
      {hint && <small class="picker-note">{t(hint)}</small>}
      {problems[name] && <small class="picker-warning">{problems[name]}</small>}
    </label>
  );
  return (
    <div class="picker-fields">
      {field('name', 'pickerName')}
      {field('host', 'pickerHost', 'pickerHostHint')}
      {field('pathPrefix', 'pickerPathPrefix')}
      {field('timeZone', 'pickerTimeZone')}
    </div>
  );
}

/** Boxes over the page, drawn in the picker's root: the element under the pointer, and what the current selector matches. */
function Overlay({ hover, matched }: { hover: DOMRect | null; matched: DOMRect[] }) {
  const box = (r: DOMRect) => ({ left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  return (
    <div class="picker-overlay" aria-hidden="true">
      {matched.map((r, i) => (
        <div key={i} class="picker-box picker-box--matched" style={box(r)} />
      ))}
      {hover && <div class="picker-box picker-box--hover" style={box(hover)} />}
    </div>
  );
}
