import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import { importOverflowText, libraryFullText } from '@/lib/limit-messages';
import { importOverflow, MAX_SNIPPETS } from '@/lib/limits';
import type { Snippet, SnippetDraft } from '@/lib/snippet';
import { duplicateShortcuts, parseSnippetsFile, planImport, snippetsToCsv, snippetsToJson } from '@/lib/snippet-io';
import { snippetRisks } from '@/lib/snippet-guard';
import { Notice } from './Notice';
import { SnippetEditor } from './SnippetEditor';
import { SnippetTable } from './SnippetTable';
import { download } from './download';

type Send = ReturnType<typeof createClient>;

/**
 * An import waiting for the agent's answers, asked in this order: whether to take risky snippets at all (`risky`,
 * their titles; null once answered or when there are none), then whether to overwrite the clashes.
 */
interface PendingImport {
  snippets: SnippetDraft[];
  conflicts: number;
  risky: string[] | null;
}

/** How many risky titles the question names; the count says how many there are in all. */
const RISKY_TITLES_SHOWN = 3;

/** The snippet library on the options page: edit, order, delete, import and export. */
export function SnippetManager({ send, siteIds }: { send: Send; siteIds: string[] }) {
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [lang, setLang] = useState<'all' | 'zh' | 'en'>('all');
  const [editing, setEditing] = useState<SnippetDraft | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const load = () => send('snippets.list', {}).then(setSnippets, (e: Error) => setStatus({ kind: 'error', text: t('summaryError', e.message) }));
  useEffect(() => void load(), [send]);

  const shown = useMemo(() => snippets.filter((s) => lang === 'all' || s.lang === lang), [snippets, lang]);
  const dupes = useMemo(() => duplicateShortcuts(snippets), [snippets]);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setStatus({ kind: 'info', text: done });
      await load();
    } catch (error) {
      setStatus({ kind: 'error', text: t('settingsError', error instanceof Error ? error.message : String(error)) });
    }
  };

  const importFile = async (file: File) => {
    // The bytes, not file.text(): that reads everything as UTF-8 and turns what is not into \uFFFD.
    const result = parseSnippetsFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      const { row, field, message } = result.problem;
      return setStatus({ kind: 'error', text: row === null ? t('importFileError', field, message) : t('importRowError', String(row), field, message) });
    }
    const plan = planImport(snippets, result.snippets);
    // Past the library's limit: refused here whole, before anything is sent.
    if (overLimit(result.snippets, false)) return;
    // Nothing the conduct guard finds risky goes in without the agent's yes; then, never overwrite without asking.
    const risks = snippetRisks(result.snippets);
    const risky = risks.size ? result.snippets.filter((s) => risks.has(s.id)).map((s) => s.title) : null;
    if (risky || plan.conflicts.length) return setPending({ snippets: result.snippets, conflicts: plan.conflicts.length, risky });
    await act(() => send('snippets.import', { snippets: result.snippets, overwrite: false }), t('imported', String(result.snippets.length)));
  };
  // The same element until the rows change, so Preact skips the table: opening the editor or a status line
  // must not compare every row of a library at its limit. `act` and `load` use only `send` and state setters.
  const table = useMemo(() => <SnippetTable snippets={shown} send={send} act={act} onEdit={setEditing} />, [shown, send]);
  /**
   * Says so and returns true when importing `incoming` would take the library past MAX_SNIPPETS: the file is
   * refused whole before anything is sent (the worker would refuse it too, as a second line).
   */
  const overLimit = (incoming: readonly SnippetDraft[], overwrite: boolean): boolean => {
    const overflow = importOverflow(snippets.length, incoming, planImport(snippets, incoming), overwrite);
    if (overflow) setStatus({ kind: 'error', text: importOverflowText(overflow) });
    return overflow !== null;
  };
  /** The agent takes the risky snippets: on to the clashes, if any, else in they go. */
  const acceptRisk = () => {
    if (!pending) return;
    if (pending.conflicts) setPending({ ...pending, risky: null });
    else finishImport(false);
  };
  const finishImport = (overwrite: boolean) => {
    if (!pending) return;
    const { snippets: incoming } = pending;
    setPending(null);
    if (overLimit(incoming, overwrite)) return;
    void act(() => send('snippets.import', { snippets: incoming, overwrite }), t('imported', String(incoming.length)));
  };

  return (
    <section class="snippet-manager">
      <h2>{t('snippetsTitle')}</h2>
      {status && <Notice kind={status.kind} text={status.text} />}
      {[...dupes].map(([key, ids]) => (
        <Notice key={key} kind="warning" text={t('duplicateShortcut', key.split('|')[1]!, ids.map((id) => snippets.find((s) => s.id === id)?.title ?? id).join('、'))} />
      ))}
      {pending?.risky && (
        <div class="confirm" role="alertdialog" aria-label={riskQuestion(pending.risky)}>
          <p>{riskQuestion(pending.risky)}</p>
          <button type="button" class="button" onClick={acceptRisk}>
            {t('guardImportConfirm')}
          </button>
          <button type="button" class="button" onClick={() => setPending(null)}>
            {t('fillInCancel')}
          </button>
        </div>
      )}
      {pending && !pending.risky && (
        <div class="confirm" role="alertdialog" aria-label={t('importConflicts', String(pending.conflicts))}>
          <p>{t('importConflicts', String(pending.conflicts))}</p>
          <button type="button" class="button" onClick={() => finishImport(true)}>
            {t('importOverwrite')}
          </button>
          <button type="button" class="button" onClick={() => finishImport(false)}>
            {t('importSkip')}
          </button>
          <button type="button" class="button" onClick={() => setPending(null)}>
            {t('fillInCancel')}
          </button>
        </div>
      )}
      <div class="toolbar">
        <select aria-label={t('snippetLangField')} value={lang} onChange={(e) => setLang(e.currentTarget.value as typeof lang)}>
          <option value="all">{t('allLanguages')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
        <button type="button" class="button" onClick={() => setEditing({ id: `my-${Date.now().toString(36)}`, title: '', body: '', lang: lang === 'en' ? 'en' : 'zh', phase: 'presale', tags: [] })}>
          {t('newSnippet')}
        </button>
        <label class="button">
          {t('importSnippets')}
          <input
            type="file"
            class="snippets-import"
            accept=".json,.csv,application/json,text/csv"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" class="button" onClick={() => download('kefu-snippets.json', 'application/json', snippetsToJson(snippets))}>
          {t('exportSnippetsJson')}
        </button>
        <button type="button" class="button" onClick={() => download('kefu-snippets.csv', 'text/csv', snippetsToCsv(snippets))}>
          {t('exportSnippetsCsv')}
        </button>
      </div>
      {editing && (
        <SnippetEditor
          key={editing.id}
          draft={editing}
          siteIds={siteIds}
          onCancel={() => setEditing(null)}
          onSave={(snippet) => {
            // A new snippet in a full library: said here, and the editor stays open with the agent's text.
            if (snippets.length >= MAX_SNIPPETS && !snippets.some((s) => s.id === snippet.id)) return setStatus({ kind: 'error', text: libraryFullText() });
            setEditing(null);
            void act(() => send('snippets.save', { snippet }), t('snippetSaved', snippet.title));
          }}
        />
      )}
      {table}
    </section>
  );
}

/** The question before a risky import: how many, and the first few titles. */
function riskQuestion(titles: readonly string[]): string {
  const named = titles.slice(0, RISKY_TITLES_SHOWN).join('、') + (titles.length > RISKY_TITLES_SHOWN ? '…' : '');
  return t('guardImportRisky', String(titles.length), named);
}
