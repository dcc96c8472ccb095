import { advanceCase, afterSaleSummary, casesOpenedIn, checkCaseDraft, DAY_MS, openCase, problemsByProduct, recordComplaint, recordIntervention, staleReminders, type AfterSaleCase, type StepLimits } from './after-sale';
import type { KefuDatabase } from './db';
import type { AfterSaleMessageName, Handlers } from './protocol';
import { RefusalError } from './refusal';
import type { AfterSaleSettings } from './settings';

export interface AfterSaleDeps {
  db: KefuDatabase;
  settings: () => AfterSaleSettings;
  /** After a case changed: the badge's tooltip and its reminder timer are redone. */
  changed?: () => void;
  newId?: () => string;
  now?: () => number;
}

/** The settings' limits (minutes) as the case rules take them (ms). */
export function stepLimitsOf(settings: AfterSaleSettings): StepLimits {
  const m = settings.stepLimitsMinutes;
  return { firstContact: m.firstContact * 60_000, goodsReceived: m.goodsReceived * 60_000, problemConfirmed: m.problemConfirmed * 60_000 };
}

const newestFirst = (a: AfterSaleCase, b: AfterSaleCase) => b.openedAt - a.openedAt || b.id.localeCompare(a.id);

/** The worker's answers about after-sale cases; everything is checked by lib/after-sale before it is stored. */
export function createAfterSaleHandlers(deps: AfterSaleDeps): Pick<Handlers, AfterSaleMessageName> & { openCases(): Promise<AfterSaleCase[]> } {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const changed = () => deps.changed?.();

  const openCases = () => db.afterSaleCases.where('step').anyOf('firstContact', 'goodsReceived', 'problemConfirmed').toArray();

  async function existing(id: string): Promise<AfterSaleCase> {
    const found = await db.afterSaleCases.get(id);
    if (!found) throw new RefusalError(`no after-sale case ${id}`);
    return found;
  }

  return {
    openCases,
    async 'cases.list'({ conversationId, orderNumber, openOnly }) {
      let cases: AfterSaleCase[];
      if (conversationId || orderNumber) {
        const byConversation = conversationId ? await db.afterSaleCases.where('conversationId').equals(conversationId).toArray() : [];
        const byOrder = orderNumber ? await db.afterSaleCases.where('orderNumber').equals(orderNumber).toArray() : [];
        cases = [...new Map([...byConversation, ...byOrder].map((c) => [c.id, c])).values()];
      } else {
        cases = await db.afterSaleCases.toArray();
      }
      return cases.filter((c) => !openOnly || c.step !== 'resolved').sort(newestFirst);
    },
    async 'cases.open'({ draft }) {
      const checked = checkCaseDraft(draft);
      if (!checked.ok) return checked;
      const record = openCase(checked.draft, newId(), now());
      await db.afterSaleCases.add(record);
      changed();
      return { ok: true, case: record };
    },
    async 'cases.advance'({ id, to, note, resolution }) {
      const result = await db.transaction('rw', db.afterSaleCases, async () => {
        const moved = advanceCase(await existing(id), to, now(), note, resolution);
        if (moved.ok) await db.afterSaleCases.put(moved.value);
        return moved;
      });
      if (!result.ok) return result;
      changed();
      return { ok: true, case: result.value };
    },
    async 'cases.platform'({ id, intervened, ruledAgainst, complaint }) {
      const updated = await db.transaction('rw', db.afterSaleCases, async () => {
        let c = await existing(id);
        const at = now();
        if (intervened || ruledAgainst !== undefined) c = recordIntervention(c, ruledAgainst ?? c.ruledAgainst, at);
        if (complaint) c = recordComplaint(c, at);
        await db.afterSaleCases.put(c);
        return c;
      });
      changed();
      return updated;
    },
    async 'cases.summary'({ days }) {
      const at = now();
      const all = await db.afterSaleCases.toArray();
      const start = at - days * DAY_MS;
      return {
        summary: afterSaleSummary(casesOpenedIn(all, start, at + 1), at),
        problems: problemsByProduct(all, start, at + 1),
        reminders: staleReminders(all, stepLimitsOf(deps.settings()), at),
        total: all.length,
        now: at,
      };
    },
    async 'cases.reminders'() {
      const open = await openCases();
      const byId = new Map(open.map((c) => [c.id, c]));
      return staleReminders(open, stepLimitsOf(deps.settings()), now()).map((r) => {
        const c = byId.get(r.caseId)!;
        return { ...r, product: c.product, ...(c.buyerName ? { buyerName: c.buyerName } : {}) };
      });
    },
    async 'cases.import'({ cases }) {
      const ids = cases.map((c) => c.id);
      if (new Set(ids).size !== ids.length) throw new RefusalError('the file holds the same case id twice');
      const result = await db.transaction('rw', db.afterSaleCases, async () => {
        const before = (await db.afterSaleCases.bulkGet(ids)).filter(Boolean).length;
        await db.afterSaleCases.bulkPut(cases);
        return { added: cases.length - before, replaced: before };
      });
      changed();
      return result;
    },
  };
}
