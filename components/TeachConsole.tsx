import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** The page in the active tab, as the popup sees it (its address only with activeTab, i.e. from the toolbar button). */
export interface ActivePage {
  tabId: number;
  url: string;
  /** A built-in console's adapter id, when one reads this page. */
  builtIn: string | null;
  /** The console the agent taught for this page, when there is one. */
  taught: { id: string; name: string } | null;
  /** The agent refused this site's permission a moment ago (the prompt closed the popup before it could say so). */
  refused?: boolean;
}

/**
 * Teaching the extension a console it does not know (lib/sites/custom): on a page no adapter reads, one
 * button asks the browser for that one site and starts the picker there; on a taught console, pointing again.
 * `teach` resolves to whether the picker started, or 'refused' when the agent said no to the site.
 */
export function TeachConsole({ page, teach }: { page: ActivePage | null; teach: (page: ActivePage, edit?: string) => Promise<'started' | 'refused' | 'failed'> }) {
  const [tried, setOutcome] = useState<'refused' | 'failed' | null>(null);
  if (!page || page.builtIn || !/^https?:/.test(page.url)) return null;
  const outcome = tried ?? (page.refused ? 'refused' : null);
  const host = new URL(page.url).hostname;
  const start = (edit?: string) =>
    void teach(page, edit).then((result) => setOutcome(result === 'started' ? null : result), () => setOutcome('failed'));
  return (
    <section class="teach-console">
      <h2>{t('teachTitle')}</h2>
      {page.taught ? (
        <>
          <p class="muted">{t('teachKnown', page.taught.name, host)}</p>
          <button type="button" class="button teach-edit" onClick={() => start(page.taught!.id)}>
            {t('teachEdit')}
          </button>
        </>
      ) : (
        <>
          <p class="muted">{t('teachUnknown', host)}</p>
          <button type="button" class="button teach-start" onClick={() => start()}>
            {t('teachStart')}
          </button>
        </>
      )}
      {outcome && (
        <p class="notice notice--error" role="alert">
          {t(outcome === 'refused' ? 'teachRefused' : 'teachFailed', host)}
        </p>
      )}
    </section>
  );
}
