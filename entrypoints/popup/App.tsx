import { useEffect, useState } from 'preact/hooks';
import { DaySummary, type DaySummaryData } from '@/components/DaySummary';
import { Notice } from '@/components/Notice';
import { SnippetList } from '@/components/SnippetList';
import { t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { Snippet } from '@/lib/snippet';

export function App({ send, openOptions }: { send: ReturnType<typeof createClient>; openOptions: () => void }) {
  const [summary, setSummary] = useState<DaySummaryData | null>(null);
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    send('day.summary', {}).then(setSummary, (e: Error) => setError(e.message));
    send('snippets.list', {}).then(setSnippets, (e: Error) => setError(e.message));
  }, [send]);

  const copy = async (snippet: Snippet) => {
    await navigator.clipboard.writeText(snippet.body);
    setCopied(snippet.id);
    void send('snippets.used', { id: snippet.id });
  };

  return (
    <main class="popup">
      <header>
        <h1>{t('extShortName')}</h1>
        <button type="button" class="link" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </header>
      {error && <Notice kind="error" text={t('summaryError', error)} />}
      <section>
        <h2>{t('summaryTitle')}</h2>
        {summary && <DaySummary summary={summary} />}
      </section>
      <section>
        <h2>{t('snippetsTitle')}</h2>
        {copied && <Notice kind="info" text={t('copied')} />}
        <SnippetList snippets={snippets} onChoose={(s) => void copy(s)} actionLabel={t('copySnippet')} />
      </section>
    </main>
  );
}
