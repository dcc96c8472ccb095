import { memo } from 'preact/compat';
import type { Snippet } from '@/lib/snippet';
import { t } from '@/lib/i18n';
import { SnippetPreview } from './SnippetPreview';

/** What the page knows of the open conversation, shown in the fill-in chips of the previews. */
export type FillValues = Readonly<Record<string, string | undefined>>;

interface RowProps {
  snippet: Snippet;
  onChoose: (snippet: Snippet) => void;
  actionLabel?: string;
  active: boolean;
  previewWidth?: number;
  fillValues?: FillValues;
}

/**
 * One snippet's button. Memoised: a keystroke in the search changes the list, but most of its rows are the
 * same snippets as before, and a library at its limit has 2,000-character bodies to cut for each.
 */
const SnippetRow = memo(function SnippetRow({ snippet, onChoose, actionLabel, active, previewWidth, fillValues }: RowProps) {
  return (
    <li>
      <button
        type="button"
        class={active ? 'snippet snippet--active' : 'snippet'}
        aria-current={active ? 'true' : undefined}
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
        <span class="snippet-body">
          <SnippetPreview body={snippet.body} values={fillValues} width={previewWidth} />
        </span>
      </button>
    </li>
  );
});

/**
 * Snippets as buttons; used by the sidebar (insert) and the popup (insert or copy). `previewWidth`: show only
 * the start of each body, about that many letters wide (the sidebar), instead of all of it (the popup). A fill-in
 * shows as a chip, never as a raw `{{key}}`: its value from `fillValues` when the page knows it, else its label.
 */
export function SnippetList({ snippets, onChoose, actionLabel, activeId, previewWidth, fillValues }: { snippets: Snippet[]; onChoose: (snippet: Snippet) => void; actionLabel?: string; activeId?: string; previewWidth?: number; fillValues?: FillValues }) {
  return (
    <ul class="snippet-list">
      {snippets.map((snippet) => (
        <SnippetRow key={snippet.id} snippet={snippet} onChoose={onChoose} actionLabel={actionLabel} active={snippet.id === activeId} previewWidth={previewWidth} fillValues={fillValues} />
      ))}
    </ul>
  );
}
