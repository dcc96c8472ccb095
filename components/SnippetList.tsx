import type { Snippet } from '@/lib/snippet';
import { t } from '@/lib/i18n';
import { previewText } from '@/lib/preview';

/**
 * Snippets as buttons; used by the sidebar (insert) and the popup (insert or copy). `previewWidth`: show only
 * the start of each body, about that many letters wide (the sidebar), instead of all of it (the popup).
 */
export function SnippetList({ snippets, onChoose, actionLabel, activeId, previewWidth }: { snippets: Snippet[]; onChoose: (snippet: Snippet) => void; actionLabel?: string; activeId?: string; previewWidth?: number }) {
  return (
    <ul class="snippet-list">
      {snippets.map((snippet) => (
        <li key={snippet.id}>
          <button
            type="button"
            class={snippet.id === activeId ? 'snippet snippet--active' : 'snippet'}
            aria-current={snippet.id === activeId ? 'true' : undefined}
            title={t('snippetInsertTitle', snippet.title)}
            // Keeps the page's chat input focused, so the caret stays where the agent left it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChoose(snippet)}
          >
            <span class="snippet-title">
              {snippet.title}
              {snippet.shortcut && <kbd>{snippet.shortcut}</kbd>}
              {actionLabel && <span class="snippet-action">{actionLabel}</span>}
            </span>
            <span class="snippet-body">{previewWidth ? previewText(snippet.body, previewWidth) : snippet.body}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
