import { useEffect, useState } from 'preact/hooks';
import type { AfterSaleCase, StaleReminder } from '@/lib/after-sale';
import { catalogKey, t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { Lang } from '@/lib/postage';
import type { AfterSaleSettings } from '@/lib/settings';
import type { CurrentConversation } from '@/lib/sites/types';
import { CaseCard } from './CaseCard';
import { CaseForm } from './CaseForm';
import { PostageHelper } from './PostageHelper';
import { ShippingHelper } from './ShippingHelper';

type Send = ReturnType<typeof createClient>;
export type Reminder = StaleReminder & { buyerName?: string; product: string };

/** What the after-sale tools need from where they are drawn (the sidebar's frame, the popup). */
export interface AfterSaleContext {
  send: Send;
  settings: AfterSaleSettings;
  /** The conversation's language, as guessed from the buyer's words. */
  lang: Lang;
  library?: readonly { id: string; body: string }[];
}

/** How often the open cases and reminders are read again: a case moved in the popup shows here soon. */
const POLL_MS = 3_000;

/**
 * The open conversation's cases (by its id and its order) and every stale reminder, read from the worker and
 * kept fresh. `version` changes to read them at once (after the agent changed a case).
 */
export function useAfterSale(send: Send | undefined, conversation: CurrentConversation | null, version: number) {
  const [cases, setCases] = useState<AfterSaleCase[]>([]);
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const conversationId = conversation?.conversationId;
  const orderNumber = conversation?.orderNumber;
  useEffect(() => {
    if (!send) return;
    let live = true;
    const read = () => {
      const mine = conversationId || orderNumber ? send('cases.list', { ...(conversationId ? { conversationId } : {}), ...(orderNumber ? { orderNumber } : {}) }) : Promise.resolve([]);
      void Promise.all([mine, send('cases.reminders', {})]).then(
        ([c, r]) => live && (setCases(c), setReminders(r)),
        () => undefined,
      );
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [send, conversationId, orderNumber, version]);
  return { cases, reminders };
}

/** Stale cases, most overdue first: a line each. */
export function ReminderList({ reminders }: { reminders: Reminder[] }) {
  if (reminders.length === 0) return null;
  return (
    <div class="reminders" role="alert">
      <strong>{t('afterSaleRemindersTitle', String(reminders.length))}</strong>
      <ul>
        {reminders.slice(0, 5).map((r) => (
          <li key={r.caseId} class="reminder">
            {t('reminderLine', r.orderNumber, r.buyerName ?? '', t(catalogKey(`afterSale.step.${r.step}`)), String(Math.max(1, Math.round(r.overdueMs / 60_000))))}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Tool = 'cases' | 'postage' | 'shipping';

/** The after-sale tools beside a conversation: its cases, the postage helper, the shipping helper. */
export function AfterSalePanel({ context, conversation, cases, reminders, onChanged, onInsert }: { context: AfterSaleContext; conversation: CurrentConversation | null; cases: AfterSaleCase[]; reminders: Reminder[]; onChanged: () => void; onInsert: (text: string) => void }) {
  const [tool, setTool] = useState<Tool>('cases');
  const [creating, setCreating] = useState(false);
  const { send, settings, lang } = context;
  const stale = new Set(reminders.map((r) => r.caseId));
  return (
    <div class="after-sale">
      <nav class="tool-tabs" role="tablist">
        {(['cases', 'postage', 'shipping'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tool === name} class={tool === name ? 'tool-tab tool-tab--on' : 'tool-tab'} onClick={() => setTool(name)}>
            {t(name === 'cases' ? 'toolCases' : name === 'postage' ? 'toolPostage' : 'toolShipping')}
          </button>
        ))}
      </nav>
      {tool === 'postage' && <PostageHelper lang={lang} policy={{ goodwillLimit: settings.goodwillLimit, shareLossLimit: settings.shareLossLimit }} onInsert={onInsert} />}
      {tool === 'shipping' && <ShippingHelper lang={lang} volumetricDivisor={settings.volumetricDivisor} onInsert={onInsert} />}
      {tool === 'cases' && (
        <div class="cases">
          <ReminderList reminders={reminders} />
          {creating ? (
            <CaseForm
              orderNumber={conversation?.orderNumber}
              onCancel={() => setCreating(false)}
              onSubmit={async (values) => {
                const draft = { ...values, ...(conversation ? { conversationId: conversation.conversationId, buyerName: conversation.buyerName } : {}) };
                const result = await send('cases.open', { draft });
                if (!result.ok) return result.errors;
                setCreating(false);
                onChanged();
                return null;
              }}
            />
          ) : (
            <button type="button" class="primary case-new" onClick={() => setCreating(true)} disabled={!conversation}>
              {t('caseNew')}
            </button>
          )}
          {!conversation && <p class="muted">{t('caseNeedsConversation')}</p>}
          {cases.length === 0 && conversation && !creating && <p class="muted">{t('caseNone')}</p>}
          {cases.map((c) => (
            <CaseCard
              key={c.id}
              c={c}
              lang={lang}
              shareLossLimit={settings.shareLossLimit}
              library={context.library}
              stale={stale.has(c.id)}
              actions={{
                advance: async (id, to, note, resolution) => {
                  const result = await send('cases.advance', { id, to, note, ...(resolution ? { resolution } : {}) });
                  if (!result.ok) return result.error;
                  onChanged();
                  return null;
                },
                platform: (id, change) => void send('cases.platform', { id, ...change }).then(onChanged, () => undefined),
                insert: onInsert,
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
