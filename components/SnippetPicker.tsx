import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Snippet } from '@/lib/snippet';
import { SnippetList, type FillValues } from './SnippetList';

/**
 * Quick search over the snippets (pinyin too: `tk` finds 退款), with the keyboard: ↑/↓ to move, Enter to
 * choose, Esc to give the focus back. `focusToken` changes when the agent's shortcut asks for the search box.
 * Pass the same `search` function until its answers would change. With the box empty, `search('')` gives the
 * list to show (the sidebar: the suggestions for the open conversation first). `fillValues`: see SnippetList.
 */
export function SnippetPicker({ search, onChoose, onEscape, focusToken, actionLabel, previewWidth, fillValues }: { search: (query: string) => Snippet[]; onChoose: (s: Snippet) => void; onEscape?: () => void; focusToken?: number; actionLabel?: string; previewWidth?: number; fillValues?: FillValues }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Layout effect: the focus moves before the next keystroke is handled, so the agent's first letter lands here.
  useLayoutEffect(() => {
    if (focusToken) input.current?.focus();
  }, [focusToken]);
  // `search` is a new function only when the library (or the ranking) changed: searching again on every
  // redraw would cost the agent's page a search per incoming message.
  const results = useMemo(() => search(query), [search, query]);
  // One function for the life of the picker: the list's rows are memoised, and a new one every keystroke
  // would redraw every row. It calls whichever `onChoose` came last.
  const latestChoose = useRef(onChoose);
  latestChoose.current = onChoose;
  const choose = useCallback((snippet: Snippet | undefined) => {
    if (!snippet) return;
    latestChoose.current(snippet);
    setQuery('');
    setActive(0);
  }, []);
  return (
    <div class="snippet-picker">
      <input
        ref={input}
        type="search"
        class="snippet-search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.isComposing) return;
          if (e.key === 'ArrowDown') setActive(Math.min(active + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
          else if (e.key === 'Enter') choose(results[active]);
          else if (e.key === 'Escape') onEscape?.();
          else return;
          e.preventDefault();
        }}
      />
      {results.length ? (
        <SnippetList snippets={results} onChoose={choose} activeId={query ? results[active]?.id : undefined} actionLabel={actionLabel} previewWidth={previewWidth} fillValues={fillValues} />
      ) : (
        <p class="muted">{t('noSnippetFound')}</p>
      )}
    </div>
  );
}
