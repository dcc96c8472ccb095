import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { Snippet, SnippetDraft } from '@/lib/snippet';
import { duplicateShortcuts, parseSnippetsCsv, parseSnippetsJson, planImport, snippetsToCsv, snippetsToJson } from '@/lib/snippet-io';
import { Notice } from './Notice';
import { SnippetEditor } from './SnippetEditor';
import { UsageSparkline } from './UsageSparkline';
import { download } from './download';

type Send = ReturnType<typeof createClient>;


/** The snippet library on the options page: edit, order, delete, import and export. */
export function SnippetManager({ send, siteIds }: { send: Send; siteIds: string[] }) {
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [lang, setLang] = useState<'all' | 'zh' | 'en'>('all');
  const [editing, setEditing] = useState<SnippetDraft | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<{ snippets: SnippetDraft[]; conflicts: number } | null>(null);

  const load = () => send('snippets.list', {}).then(setSnippets, (e: Error) => setStatus({ kind: 'error', text: t('summaryError', e.message) }));
  useEffect(() => void load(), [send]);

  const shown = snippets.filter((s) => lang === 'all' || s.lang === lang);
  const dupes = useMemo(() => duplicateShortcuts(snippets), [snippets]);
  /** The rows under their folder, folders in the order their first snippet comes. */
  const groups = useMemo(() => {
    const byFolder = new Map<string, Snippet[]>();
    for (const s of shown) byFolder.set(s.folder ?? '', [...(byFolder.get(s.folder ?? '') ?? []), s]);
    return [...byFolder];
  }, [shown]);
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
    const text = await file.text();
    const result = /\.csv$/i.test(file.name) ? parseSnippetsCsv(text) : parseSnippetsJson(text);
    if (!result.ok) {
      const { row, field, message } = result.problem;
      return setStatus({ kind: 'error', text: row === null ? t('importFileError', field, message) : t('importRowError', String(row), field, message) });
    }
    const plan = planImport(snippets, result.snippets);
    // Never overwrite without asking: conflicts wait for the agent's answer.
    if (plan.conflicts.length) return setPending({ snippets: result.snippets, conflicts: plan.conflicts.length });
    await act(() => send('snippets.import', { snippets: result.snippets, overwrite: false }), t('imported', String(result.snippets.length)));
  };
  const finishImport = (overwrite: boolean) => {
    if (!pending) return;
    const { snippets: incoming } = pending;
    setPending(null);
    void act(() => send('snippets.import', { snippets: incoming, overwrite }), t('imported', String(incoming.length)));
  };

  return (
    <section class="snippet-manager">
      <h2>{t('snippetsTitle')}</h2>
      {status && <Notice kind={status.kind} text={status.text} />}
      {[...dupes].map(([key, ids]) => (
        <Notice key={key} kind="warning" text={t('duplicateShortcut', key.split('|')[1]!, ids.map((id) => snippets.find((s) => s.id === id)?.title ?? id).join('、'))} />
      ))}
      {pending && (
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
            setEditing(null);
            void act(() => send('snippets.save', { snippet }), t('snippetSaved', snippet.title));
          }}
        />
      )}
      <table class="snippet-table">
        {groups.map(([folder, rows]) => (
          <tbody key={folder}>
            <tr class="folder-row" data-folder={folder}>
              <th colSpan={3}>
                <span>{folder || t('noFolder')}</span> <span class="muted">({rows.length})</span>
                {folder && (
                  <span class="row-actions">
                    <button
                      type="button"
                      aria-label={t('renameFolder', folder)}
                      onClick={() => {
                        const to = prompt(t('renameFolderPrompt', folder), folder)?.trim();
                        if (to && to !== folder) void act(() => send('snippets.folder', { from: folder, to }), t('settingsSaved'));
                      }}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      aria-label={t('deleteFolder', folder)}
                      onClick={() => {
                        if (confirm(t('confirmDeleteFolder', folder, String(rows.length)))) void act(() => send('snippets.folder', { from: folder, to: null }), t('snippetDeleted', folder));
                      }}
                    >
                      ✕
                    </button>
                  </span>
                )}
              </th>
            </tr>
            {rows.map((s) => {
              const i = shown.indexOf(s);
              return (
                <tr key={s.id} data-snippet={s.id}>
                  <td>
                    <strong>{s.title}</strong> {s.shortcut && <kbd>{s.shortcut}</kbd>}
                    <div class="muted">{s.tags.filter((tag) => !tag.startsWith('situation:')).join(' · ')}</div>
                  </td>
                  <td class="usage">
                    <UsageSparkline usesByDay={s.usesByDay} today={Date.now()} />
                    <div class="muted">{s.lastUsedAt ? t('lastUsed', String(s.uses), new Date(s.lastUsedAt).toLocaleDateString()) : t('neverUsed')}</div>
                  </td>
                  <td class="row-actions">
                    <button type="button" onClick={() => setEditing(s)} aria-label={t('editSnippet', s.title)}>
                      ✎
                    </button>
                    <button type="button" disabled={i === 0} onClick={() => void act(() => send('snippets.move', { id: s.id, by: -1 }), t('settingsSaved'))} aria-label={t('moveUp', s.title)}>
                      ↑
                    </button>
                    <button type="button" disabled={i === shown.length - 1} onClick={() => void act(() => send('snippets.move', { id: s.id, by: 1 }), t('settingsSaved'))} aria-label={t('moveDown', s.title)}>
                      ↓
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        if (confirm(t('confirmDelete', s.title))) void act(() => send('snippets.delete', { id: s.id }), t('snippetDeleted', s.title));
                      }}
                      aria-label={t('deleteSnippet', s.title)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </section>
  );
}
