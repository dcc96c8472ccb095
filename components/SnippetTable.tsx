import { useMemo } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { Snippet, SnippetDraft } from '@/lib/snippet';
import { snippetRisks } from '@/lib/snippet-guard';
import { GuardWarning } from './SnippetEditor';
import { UsageSparkline } from './UsageSparkline';

type Send = ReturnType<typeof createClient>;

/**
 * The options page's rows of snippets under their folders, with their actions. Linear in the library: a
 * library at its limit (5,000) is grouped in one pass, and a row's place is known without searching.
 * `act` runs a change and then reloads the library. A snippet the conduct guard finds risky is marked with why.
 */
export function SnippetTable({ snippets, send, act, onEdit }: { snippets: Snippet[]; send: Send; act: (work: () => Promise<unknown>, done: string) => Promise<void>; onEdit: (snippet: SnippetDraft) => void }) {
  /** The rows under their folder, folders in the order their first snippet comes. */
  const groups = useMemo(() => {
    const byFolder = new Map<string, Snippet[]>();
    for (const s of snippets) {
      const rows = byFolder.get(s.folder ?? '');
      if (rows) rows.push(s);
      else byFolder.set(s.folder ?? '', [s]);
    }
    return [...byFolder];
  }, [snippets]);
  // Once per list: the guard remembers bodies it has read, so a reload after an edit re-checks only that one.
  const risks = useMemo(() => snippetRisks(snippets), [snippets]);
  const first = snippets[0];
  const last = snippets[snippets.length - 1];
  return (
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
          {rows.map((s) => (
            <tr key={s.id} data-snippet={s.id}>
              <td>
                <strong>{s.title}</strong> {s.shortcut && <kbd>{s.shortcut}</kbd>}
                <div class="muted">{s.tags.filter((tag) => !tag.startsWith('situation:')).join(' · ')}</div>
                {risks.has(s.id) && <GuardWarning findings={risks.get(s.id)!} />}
              </td>
              <td class="usage">
                <UsageSparkline usesByDay={s.usesByDay} today={Date.now()} />
                <div class="muted">{s.lastUsedAt ? t('lastUsed', String(s.uses), new Date(s.lastUsedAt).toLocaleDateString()) : t('neverUsed')}</div>
              </td>
              <td class="row-actions">
                <button type="button" onClick={() => onEdit(s)} aria-label={t('editSnippet', s.title)}>
                  ✎
                </button>
                <button type="button" disabled={s === first} onClick={() => void act(() => send('snippets.move', { id: s.id, by: -1 }), t('settingsSaved'))} aria-label={t('moveUp', s.title)}>
                  ↑
                </button>
                <button type="button" disabled={s === last} onClick={() => void act(() => send('snippets.move', { id: s.id, by: 1 }), t('settingsSaved'))} aria-label={t('moveDown', s.title)}>
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
          ))}
        </tbody>
      ))}
    </table>
  );
}
