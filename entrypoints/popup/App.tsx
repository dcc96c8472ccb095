import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConsoleHealthList } from '@/components/ConsoleHealthList';
import { MetricsTable } from '@/components/MetricsTable';
import { Notice } from '@/components/Notice';
import { ResponseHistogram } from '@/components/ResponseHistogram';
import { SnippetPicker } from '@/components/SnippetPicker';
import { WaitingList } from '@/components/WaitingList';
import { WaitTimeline } from '@/components/WaitTimeline';
import { t, type MessageKey } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { MetricsView, View } from '@/lib/protocol';
import type { Snippet } from '@/lib/snippet';
import { createSnippetIndex } from '@/lib/snippet-search';
import { serviceWindowAt } from '@/lib/service-window';
import { metricRows, metricsCsv } from '@/lib/targets';
import { download } from '@/components/download';
import { AfterSaleMetrics } from '@/components/AfterSaleMetrics';
import { TeachConsole, type ActivePage } from '@/components/TeachConsole';
import { PostageHelper } from '@/components/PostageHelper';
import { ShippingHelper } from '@/components/ShippingHelper';
import { defaultSettings, type Settings } from '@/lib/settings';
import { loadSettings } from '@/lib/settings-store';
import { uiLanguage } from '@/lib/i18n';
import { conversationLanguage } from '@/lib/conversation-language';


type Send = ReturnType<typeof createClient>;

/** How often the open popup re-reads the (kept, cheap) totals and the waiting buyers. */
const REFRESH_MS = 2_000;


const stamp = (at: number) => new Date(at).toISOString().slice(0, 16).replace(/[-:T]/g, '');

/** Asks the active tab's console to insert a snippet (by id) or a finished reply; null when the active tab is no console. */
export type InsertInTab = (what: { id: string } | { text: string }) => Promise<'inserted' | 'copied' | 'needs-input' | 'no-input' | 'failed' | null>;

export function App({
  send,
  openOptions,
  insertInTab,
  onSnippetsChanged,
  activePage,
  teach,
}: {
  send: Send;
  openOptions: () => void;
  insertInTab: InsertInTab;
  onSnippetsChanged?: (reload: () => void) => () => void;
  /** The active tab's page, to offer teaching it when no console adapter reads it. */
  activePage?: () => Promise<ActivePage | null>;
  teach?: (page: ActivePage, edit?: string) => Promise<'started' | 'refused' | 'failed'>;
}) {
  const [page, setPage] = useState<ActivePage | null>(null);
  useEffect(() => void activePage?.().then(setPage, () => setPage(null)), [activePage]);
  const [view, setView] = useState<View>('shift');
  const [data, setData] = useState<MetricsView | null>(null);
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void loadSettings().then(setSettings, () => setSettings(defaultSettings)), []);

  const load = () => send('metrics.get', { view }).then((d) => (setData(d), setError(null)), (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [send, view]);
  useEffect(() => {
    const loadSnippets = () => void send('snippets.list', {}).then(setSnippets, (e: Error) => setError(e.message));
    loadSnippets();
    return onSnippetsChanged?.(loadSnippets);
  }, [send, onSnippetsChanged]);

  const index = useMemo(() => createSnippetIndex(snippets), [snippets]);
  /** Into the console of the active tab, as a sidebar click; copied when the active tab is no console. */
  const choose = async (snippet: Snippet) => {
    const outcome = await insertInTab({ id: snippet.id }).catch(() => null);
    if (outcome === 'inserted') return setStatus(t('insertedInTab'));
    if (outcome === 'needs-input') return setStatus(t('needsInputInTab'));
    // The console's input did not keep it, and the console copied it filled in: nothing better to copy here.
    if (outcome === 'copied') return setStatus(t('insertCopied'));
    await navigator.clipboard.writeText(snippet.body);
    setStatus(t(outcome === null ? 'copiedNoConsole' : 'copied'));
    void send('snippets.used', { id: snippet.id });
  };
  /** A reply of the after-sale helpers: into the active tab's console, else copied. */
  const insertReply = async (text: string) => {
    const outcome = await insertInTab({ text }).catch(() => null);
    if (outcome === 'inserted') return setStatus(t('insertedInTab'));
    if (outcome === 'copied') return setStatus(t('insertCopied'));
    await navigator.clipboard.writeText(text);
    setStatus(t(outcome === null ? 'copiedNoConsole' : 'copied'));
  };
  const shiftAction = async () => {
    await (data?.shift ? send('shift.end', {}) : send('shift.start', {}));
    await load();
  };
  const exportEvents = async () => {
    const file = await send('export.events', { view });
    download(`kefu-events-${stamp(file.period.start)}.json`, 'application/json', JSON.stringify(file, null, 2));
    setStatus(t('exported', String(file.events.length)));
  };
  const exportCsv = () => {
    if (!data) return;
    const csv = metricsCsv(metricRows(data.metrics, data.targets), { periodStart: data.period.start, periodEnd: data.period.end, profile: data.profile.id, timeZone: data.timeZone });
    download(`kefu-metrics-${stamp(data.period.start)}.csv`, 'text/csv', csv);
  };

  // The popup knows no conversation: replies are written in the agent's own language, which they may change.
  const replyLang = conversationLanguage([], uiLanguage());
  const serviceWindow = data ? serviceWindowAt(data.profile.window, data.now, data.timeZone) : { inside: true, label: '' };

  return (
    <main class="popup">
      <header>
        <h1>{t('extShortName')}</h1>
        <button type="button" class="link" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </header>
      {error && <Notice kind="error" text={t('summaryError', error)} />}
      {teach && <TeachConsole page={page} teach={teach} />}
      {status && <Notice kind="info" text={status} />}
      <nav class="tabs" role="tablist">
        {(['shift', 'day'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} class={view === v ? 'tab tab--on' : 'tab'} onClick={() => setView(v)}>
            {t(v === 'shift' ? 'viewShift' : 'viewDay')}
          </button>
        ))}
      </nav>
      {data && (
        <>
          <section class="shift-bar">
            <span class="muted">
              {data.shift ? t('shiftSince', new Date(data.shift.start).toLocaleTimeString(undefined, { hour12: false, timeZone: data.timeZone })) : t('noShift')}
            </span>
            <button type="button" class="button" onClick={() => void shiftAction()}>
              {t(data.shift ? 'endShift' : 'startShift')}
            </button>
          </section>
          <section>
            <p class="muted profile-line">{t('profileInUse', t(`profile_${data.profile.unit}` as MessageKey), data.profile.id, data.timeZone)}</p>
            {!serviceWindow.inside && <Notice kind="warning" text={t('outsideServiceWindow', serviceWindow.label)} />}
            <MetricsTable rows={metricRows(data.metrics, data.targets, { counting: serviceWindow.inside })} />
          </section>
          <section>
            <h2>{t('waitingTitle', String(data.waitsTotal))}</h2>
            <WaitingList waits={data.waits} total={data.waitsTotal} now={data.now} thresholds={data.thresholds} onOpen={(w) => void send('queue.open', { key: w.key }).catch(() => undefined)} />
            <p class="muted">{t('alertsThisPeriod', String(data.alerts.warn), String(data.alerts.breach))}</p>
            <p class="muted guard-counts">{t('guardCounts', String(data.guard.warn), String(data.guard.held))}</p>
            <ConsoleHealthList consoles={data.consoles} />
          </section>
          <section class="charts">
            <ResponseHistogram bins={data.metrics.histogram} />
            <WaitTimeline bins={data.metrics.timeline} start={data.period.start} now={data.now} timeZone={data.timeZone} />
          </section>
          <section class="exports">
            <button type="button" class="button" onClick={() => void exportEvents()}>
              {t('exportEvents')}
            </button>
            <button type="button" class="button" onClick={exportCsv}>
              {t('exportCsv')}
            </button>
          </section>
        </>
      )}
      <AfterSaleMetrics send={send} />
      {settings && (
        <section class="popup-helpers">
          <details>
            <summary>{t('toolPostage')}</summary>
            <PostageHelper lang={replyLang} policy={{ goodwillLimit: settings.afterSale.goodwillLimit, shareLossLimit: settings.afterSale.shareLossLimit }} onInsert={(text) => void insertReply(text)} />
          </details>
          <details>
            <summary>{t('toolShipping')}</summary>
            <ShippingHelper lang={replyLang} volumetricDivisor={settings.afterSale.volumetricDivisor} onInsert={(text) => void insertReply(text)} />
          </details>
        </section>
      )}
      <section>
        <h2>{t('snippetsTitle')}</h2>
        <SnippetPicker search={(query) => index.search(query, { limit: 60 })} onChoose={(s) => void choose(s)} actionLabel={t('insertSnippet')} />
      </section>
    </main>
  );
}
