import { useMemo } from 'preact/hooks';
import { checkMessage } from '@/lib/guard';
import { t } from '@/lib/i18n';
import type { Snippet } from '@/lib/snippet';

/**
 * The buyer's side of the conduct guard, on their latest message: abuse brings up the five calming steps, a
 * request to deal off the platform the reply that points to the platform's own tools, a threat of a complaint
 * or a bad rating says the conversation moved up the waiting list (the worker ranks it first).
 */
export function BuyerAlert({ asks, snippets, onInsert, onInsertText }: { asks: readonly string[]; snippets: readonly Snippet[] | null; onInsert: (snippet: Snippet) => void; onInsertText: (text: string) => void }) {
  const last = asks.at(-1) ?? '';
  const findings = useMemo(() => (last ? checkMessage(last, { side: 'buyer' }) : []), [last]);
  if (!findings.length) return null;
  const abuse = findings.find((f) => f.category === 'abuse');
  const offPlatform = findings.find((f) => f.category === 'offPlatform');
  const threat = findings.find((f) => f.category === 'threat');
  const lang = abuse?.snippetId?.startsWith('en-') || threat?.snippetId?.startsWith('en-') ? 'en' : 'zh';
  const calming = abuse || threat ? (snippets ?? []).filter((s) => s.id.startsWith(`${lang}-deescalate-`)).sort((a, b) => a.id.localeCompare(b.id)) : [];
  return (
    <section class="buyer-alert" role="alert">
      {threat && <p class="buyer-alert-line buyer-alert--threat">{t('guardBuyerThreat')}</p>}
      {abuse && <p class="buyer-alert-line">{t('guardBuyerAbuse')}</p>}
      {calming.length > 0 && (
        <ol class="calming-steps">
          {calming.map((s) => (
            <li key={s.id}>
              <button type="button" class="link-button calming-step" data-snippet={s.id} onClick={() => onInsert(s)}>
                {s.title}
              </button>
            </li>
          ))}
        </ol>
      )}
      {offPlatform && (
        <>
          <p class="buyer-alert-line">{t('guardBuyerOffPlatform')}</p>
          {offPlatform.suggestion && (
            <button type="button" class="link-button platform-tools" onClick={() => onInsertText(offPlatform.suggestion!)}>
              {offPlatform.suggestion}
            </button>
          )}
        </>
      )}
    </section>
  );
}
