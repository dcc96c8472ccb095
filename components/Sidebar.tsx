import { useMemo, useState } from 'preact/hooks';
import type { Snippet } from '@/lib/snippet';
import type { CurrentConversation, LayoutProblem } from '@/lib/sites/types';
import { clampWidth, SIDEBAR_WIDTH, type SidebarLayout } from '@/lib/dock';
import type { SidebarView } from '@/lib/sidebar-channel';
import type { Thresholds, Waiting } from '@/lib/waiting';
import { t, type MessageKey } from '@/lib/i18n';
import { BuyerCard } from './BuyerCard';
import { healthSentence } from './ConsoleHealthList';
import { Notice } from './Notice';
import { FillInForm } from './FillInForm';
import { SnippetPicker } from './SnippetPicker';
import { WaitingList } from './WaitingList';
import { DraftCheck } from './DraftCheck';
import { partsToFix, type FixablePart } from '@/lib/sites/custom/fix';
import { BuyerAlert } from './BuyerAlert';
import { AfterSalePanel, useAfterSale, type AfterSaleContext } from './AfterSalePanel';
import { catalogKey } from '@/lib/i18n';

export interface SidebarState {
  collapsed: boolean;
  problems: LayoutProblem[];
  /** Its side and width, docked beside the console. */
  layout: SidebarLayout;
  /** How well the console is understood (working, partly, not recognised) and the report to copy. */
  health: SidebarView['health'];
  conversation: CurrentConversation | null;
  snippets: Snippet[] | null;
  /** Buyers waiting for a manual reply; their count-up runs from each wait's origin (WaitingList). */
  waits: Waiting[];
  /** How many wait in all: `waits` holds only the most urgent. */
  waitsTotal: number;
  now: number;
  thresholds: Thresholds;
  /** A snippet waiting for fill-ins the page could not supply. */
  fillIn: { snippet: Snippet; missing: string[] } | null;
  /** Changes when the agent's keyboard shortcut asks for the search box. */
  searchToken: number;
  /** The open conversation's last buyer messages, oldest first: the buyer's side of the guard reads the latest. */
  asks?: string[];
  /** The conduct guard's findings in the draft, and whether a send is held. */
  guard?: SidebarView['guard'];
  /** The latest outcome to tell the agent (inserted, no input, worker down…). */
  notice: { kind: 'error' | 'warning' | 'info'; text: string } | null;
}

export interface SidebarActions {
  toggle: () => void;
  insert: (snippet: Snippet) => void;
  search: (query: string) => Snippet[];
  submitFillIn: (values: Record<string, string>) => void;
  cancelFillIn: () => void;
  /** Gives the focus back to the page's chat input. */
  backToInput: () => void;
  open: (waiting: Waiting) => void;
  markOrder: () => void;
  /** Copies the health report for whoever maintains the shop's setup. */
  copyHealth: (report: string) => void;
  /** The agent moved the sidebar to the other side or changed its width. */
  layout: (layout: SidebarLayout) => void;
  /** Puts a reply the after-sale tools wrote (already filled in) into the chat input. */
  insertText: (text: string) => void;
  /** The draft check: use a finding's suggestion; send the held draft anyway; go back to editing it. */
  guardSuggestion: (index: number) => void;
  /** Starts the picker on this console for the parts its health report misses (lib/sites/custom/fix.ts). */
  fixByPointing: (parts: FixablePart[]) => void;
  guardSendAnyway: () => void;
  guardEdit: () => void;
}

/** How much one click on − or + changes the sidebar's width, in CSS pixels. */
const WIDTH_STEP = 40;

/** About two lines of a snippet's body in the sidebar's width. */
const SNIPPET_PREVIEW_WIDTH = 76;

/**
 * `afterSale`: where the after-sale tools read and write cases (the worker) and the shop's choices; without
 * it (a test of the snippets alone) the sidebar shows no after-sale tab.
 */
export function Sidebar({ state, actions, afterSale }: { state: SidebarState; actions: SidebarActions; afterSale?: AfterSaleContext }) {
  const [tab, setTab] = useState<'snippets' | 'afterSale'>('snippets');
  const [casesVersion, setCasesVersion] = useState(0);
  const { cases, reminders } = useAfterSale(afterSale?.send, state.conversation, casesVersion);
  const openCases = cases.filter((c) => c.step !== 'resolved');
  const buyerName = state.conversation?.buyerName;
  const orderNumber = state.conversation?.orderNumber;
  // The previews' chips show the open conversation's buyer and order; a new object only when they change.
  const fillValues = useMemo(() => ({ buyerName, orderNumber }), [buyerName, orderNumber]);
  // The same element while the search and the shortcut's token stand still: waits changing with every buyer
  // message then redraw the list of waits, not the sixty snippets below it.
  const picker = useMemo(
    () => <SnippetPicker search={actions.search} onChoose={actions.insert} onEscape={actions.backToInput} focusToken={state.searchToken} previewWidth={SNIPPET_PREVIEW_WIDTH} fillValues={fillValues} />,
    // A new one after the sidebar was collapsed: an element is not mounted twice.
    [actions.search, actions.insert, actions.backToInput, state.searchToken, state.collapsed, fillValues],
  );
  if (state.collapsed) {
    return (
      <button type="button" class="sidebar-tab" onClick={actions.toggle} aria-label={t('sidebarExpand')} title={t('sidebarExpand')}>
        {t('sidebarTitle')}
      </button>
    );
  }
  const missing = state.problems.map((p) => t(`layoutPart_${p.part}` as MessageKey)).join('、');
  const { health, layout } = state;
  const partly = health && healthSentence(health);
  // What the agent can point out again: the parts the report finds missing or cannot check.
  const fixable = health && health.status !== 'working' ? partsToFix([...health.missing, ...health.unknown]) : [];
  return (
    <aside class="sidebar" aria-label={t('sidebarTitle')}>
      <header class="sidebar-header">
        <h2>{t('sidebarTitle')}</h2>
        {health && (
          <span class={`health health--${health.status}`} title={health.status === 'working' ? t('healthWorking') : undefined}>
            {t(health.status === 'working' ? 'healthBadgeWorking' : health.status === 'partly' ? 'healthBadgePartly' : 'healthBadgeUnrecognised')}
          </span>
        )}
        <div class="sidebar-tools">
          <button type="button" class="icon-button" onClick={() => actions.layout({ ...layout, width: clampWidth(layout.width - WIDTH_STEP) })} disabled={layout.width <= SIDEBAR_WIDTH.min} aria-label={t('sidebarNarrower')} title={t('sidebarNarrower')}>
            −
          </button>
          <button type="button" class="icon-button" onClick={() => actions.layout({ ...layout, width: clampWidth(layout.width + WIDTH_STEP) })} disabled={layout.width >= SIDEBAR_WIDTH.max} aria-label={t('sidebarWider')} title={t('sidebarWider')}>
            +
          </button>
          <button type="button" class="icon-button" onClick={() => actions.layout({ ...layout, side: layout.side === 'right' ? 'left' : 'right' })} aria-label={t(layout.side === 'right' ? 'sidebarMoveLeft' : 'sidebarMoveRight')} title={t(layout.side === 'right' ? 'sidebarMoveLeft' : 'sidebarMoveRight')}>
            ⇆
          </button>
          <button type="button" class="icon-button" onClick={actions.toggle} aria-label={t('sidebarCollapse')} title={t('sidebarCollapse')}>
            {layout.side === 'right' ? '⟩' : '⟨'}
          </button>
        </div>
      </header>
      {state.problems.length > 0 && <Notice kind="warning" text={t('layoutUnknown', missing)} />}
      {partly && <Notice kind="warning" text={partly} />}
      {fixable.length > 0 && (
        <button type="button" class="link-button health-fix" onClick={() => actions.fixByPointing(fixable)}>
          {t('healthFixByPointing')}
        </button>
      )}
      {health && health.status !== 'working' && (
        <button type="button" class="link-button health-copy" onClick={() => actions.copyHealth(health.report)}>
          {t('healthCopy')}
        </button>
      )}
      {state.notice && <Notice kind={state.notice.kind} text={state.notice.text} />}
      {state.guard && <DraftCheck findings={state.guard.findings} held={state.guard.held} onSuggestion={actions.guardSuggestion} onSendAnyway={actions.guardSendAnyway} onEdit={actions.guardEdit} />}
      <section class="waiting-section">
        <h3>{t('waitingTitle', String(Math.max(state.waitsTotal, state.waits.length)))}</h3>
        <WaitingList waits={state.waits} total={state.waitsTotal} now={state.now} thresholds={state.thresholds} onOpen={actions.open} />
      </section>
      <BuyerCard conversation={state.conversation} onMarkOrder={actions.markOrder} />
      {state.asks && state.asks.length > 0 && <BuyerAlert asks={state.asks} snippets={state.snippets} onInsert={actions.insert} onInsertText={actions.insertText} />}
      {openCases.length > 0 && (
        <button type="button" class="case-banner" onClick={() => setTab('afterSale')}>
          {t('caseBanner', String(openCases.length), openCases.map((c) => `${t(catalogKey(`afterSale.type.${c.type}`))} · ${t(catalogKey(`afterSale.step.${c.step}`))}`).join('；'))}
        </button>
      )}
      {reminders.length > 0 && tab !== 'afterSale' && (
        <button type="button" class="reminder-banner" onClick={() => setTab('afterSale')}>
          {t('afterSaleRemindersTitle', String(reminders.length))}
        </button>
      )}
      {state.fillIn && <FillInForm snippet={state.fillIn.snippet} missing={state.fillIn.missing} onSubmit={actions.submitFillIn} onCancel={actions.cancelFillIn} />}
      {afterSale && (
        <nav class="tool-tabs sidebar-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'snippets'} class={tab === 'snippets' ? 'tool-tab tool-tab--on' : 'tool-tab'} onClick={() => setTab('snippets')}>
            {t('snippetsTitle')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'afterSale'} class={tab === 'afterSale' ? 'tool-tab tool-tab--on' : 'tool-tab'} onClick={() => setTab('afterSale')}>
            {t('afterSaleTitle')}
          </button>
        </nav>
      )}
      {afterSale && tab === 'afterSale' ? (
        <section class="after-sale-section">
          <AfterSalePanel context={afterSale} conversation={state.conversation} cases={cases} reminders={reminders} onChanged={() => setCasesVersion((v) => v + 1)} onInsert={actions.insertText} />
        </section>
      ) : (
        <section class="snippets">
          <h3>{t('snippetsTitle')}</h3>
          {state.snippets ? picker : <p class="muted">{t('snippetsLoading')}</p>}
        </section>
      )}
    </aside>
  );
}
