import { z } from '../z';

/**
 * An after-sale case (DOMAIN.md "After-sale cases"): one request on one order (an order can hold several),
 * moving first contact -> goods received -> problem confirmed -> resolved (refund, exchange or repair).
 *
 * Stored as-is in Dexie (table `afterSaleCases`, key `id`; indexes orderNumber, step, openedAt): plain JSON,
 * ids as strings, times as epoch ms, optional fields absent rather than undefined-valued.
 *
 * Steps move forward only, one or several at a time (a logistics question is resolved at first contact,
 * with nothing to receive back), never backwards: a step reached keeps its time, which the metrics and the
 * stale reminders count from, and going back would rewrite that history.
 */

export const CASE_TYPES = ['logistics', 'returnRefund', 'missingItem', 'postageDispute', 'qualityProblem', 'wrongItem'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STEPS = ['firstContact', 'goodsReceived', 'problemConfirmed', 'resolved'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

export const RESOLUTIONS = ['refund', 'exchange', 'repair'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Error keys of the case form and the step changes (texts in AFTER_SALE_TEXTS). */
export const CASE_ERROR_KEYS = [
  'afterSale.error.orderNumberRequired',
  'afterSale.error.orderNumberChars',
  'afterSale.error.typeRequired',
  'afterSale.error.productRequired',
  'afterSale.error.amountNotANumber',
  'afterSale.error.amountNegative',
  'afterSale.error.currency',
  'afterSale.error.tooLong',
  'afterSale.error.stepBackwards',
  'afterSale.error.stepSame',
  'afterSale.error.stepUnknown',
  'afterSale.error.resolutionRequired',
  'afterSale.error.resolutionNotResolved',
  'afterSale.error.timeBeforePrevious',
  'afterSale.error.rulingWithoutIntervention',
  'afterSale.error.stepTimes',
] as const;
export type CaseErrorKey = (typeof CASE_ERROR_KEYS)[number];

const err = (key: CaseErrorKey) => ({ message: key });

/** Letters and digits, as platforms print order numbers (Taobao and PDD digits, some platforms letters too). */
const ORDER_NUMBER = /^[A-Za-z0-9]+$/;
const MAX_TEXT = 500;
const MAX_NOTE = 2_000;
const epochMs = z.number().int().nonnegative();

export const StepRecordSchema = z.object({ at: epochMs, note: z.string().max(MAX_NOTE, err('afterSale.error.tooLong')) });
export type StepRecord = z.infer<typeof StepRecordSchema>;

const orderNumber = z.string().trim().min(1, err('afterSale.error.orderNumberRequired')).max(64, err('afterSale.error.tooLong')).regex(ORDER_NUMBER, err('afterSale.error.orderNumberChars'));
const optionalText = z.string().trim().max(MAX_TEXT, err('afterSale.error.tooLong')).optional();
const currency = z.string().regex(/^[A-Z]{3}$/, err('afterSale.error.currency'));

const CaseFieldsSchema = z.object({
  id: z.string().min(1).max(100),
  orderNumber,
  conversationId: optionalText,
  buyerName: optionalText,
  type: z.enum(CASE_TYPES, err('afterSale.error.typeRequired')),
  product: z.string().trim().min(1, err('afterSale.error.productRequired')).max(MAX_TEXT, err('afterSale.error.tooLong')),
  amount: z.number(err('afterSale.error.amountNotANumber')).refine(Number.isFinite, err('afterSale.error.amountNotANumber')).refine((n) => n >= 0, err('afterSale.error.amountNegative')),
  /** ISO 4217; CNY unless the order was in another currency. */
  currency,
  reason: z.string().trim().max(MAX_TEXT, err('afterSale.error.tooLong')),
  step: z.enum(CASE_STEPS, err('afterSale.error.stepUnknown')),
  /** The time and note of every step reached; a step skipped over has none. */
  steps: z.object({ firstContact: StepRecordSchema, goodsReceived: StepRecordSchema.optional(), problemConfirmed: StepRecordSchema.optional(), resolved: StepRecordSchema.optional() }),
  resolution: z.enum(RESOLUTIONS).nullable(),
  platformIntervened: z.boolean(),
  ruledAgainst: z.enum(['shop', 'buyer']).nullable(),
  /** The buyer complained to the platform. */
  complaint: z.boolean(),
  /** = steps.firstContact.at, kept as its own field for the Dexie index. */
  openedAt: epochMs,
  updatedAt: epochMs,
});

/** A stored case, checked whole: steps consistent with `step`, times in order, a resolution exactly when resolved. */
export const AfterSaleCaseSchema = CaseFieldsSchema.superRefine((c, ctx) => {
  const reached = CASE_STEPS.indexOf(c.step);
  let last = -1;
  for (const [i, step] of CASE_STEPS.entries()) {
    const record = c.steps[step];
    if (i > reached && record) ctx.addIssue({ code: 'custom', path: ['steps', step], message: 'afterSale.error.stepTimes' });
    if (i === reached && !record) ctx.addIssue({ code: 'custom', path: ['steps', step], message: 'afterSale.error.stepTimes' });
    if (record && record.at < last) ctx.addIssue({ code: 'custom', path: ['steps', step, 'at'], message: 'afterSale.error.timeBeforePrevious' });
    if (record) last = record.at;
  }
  if (c.openedAt !== c.steps.firstContact.at) ctx.addIssue({ code: 'custom', path: ['openedAt'], message: 'afterSale.error.stepTimes' });
  if (c.step === 'resolved' && !c.resolution) ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'afterSale.error.resolutionRequired' });
  if (c.step !== 'resolved' && c.resolution) ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'afterSale.error.resolutionNotResolved' });
  if (!c.platformIntervened && c.ruledAgainst) ctx.addIssue({ code: 'custom', path: ['ruledAgainst'], message: 'afterSale.error.rulingWithoutIntervention' });
});
export type AfterSaleCase = z.infer<typeof AfterSaleCaseSchema>;

/**
 * The new-case form as the UI holds it (text inputs): the amount arrives as text and is read as a number
 * here, so "12,5" or "abc" is an error on that field, not a NaN stored.
 */
export const AfterSaleDraftSchema = z.object({
  orderNumber,
  conversationId: optionalText,
  buyerName: optionalText,
  type: z.enum(CASE_TYPES, err('afterSale.error.typeRequired')),
  product: CaseFieldsSchema.shape.product,
  amount: z
    .string()
    .trim()
    .regex(/^\d+(?:\.\d+)?$|^-\d+(?:\.\d+)?$/, err('afterSale.error.amountNotANumber'))
    .transform(Number)
    .refine((n) => n >= 0, err('afterSale.error.amountNegative')),
  currency: currency.default('CNY'),
  reason: CaseFieldsSchema.shape.reason.default(''),
  note: z.string().max(MAX_NOTE, err('afterSale.error.tooLong')).default(''),
});
export type AfterSaleDraftInput = z.input<typeof AfterSaleDraftSchema>;
export type AfterSaleDraft = z.output<typeof AfterSaleDraftSchema>;

export type DraftField = keyof AfterSaleDraftInput;
export type DraftCheck = { ok: true; draft: AfterSaleDraft } | { ok: false; errors: Partial<Record<DraftField, CaseErrorKey>> };

/** The form checked: the draft, or the first error key of every bad field (all fields at once, for the form to mark). */
export function checkCaseDraft(input: unknown): DraftCheck {
  const parsed = AfterSaleDraftSchema.safeParse(input);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: Partial<Record<DraftField, CaseErrorKey>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'orderNumber') as DraftField;
    errors[field] ??= (CASE_ERROR_KEYS as readonly string[]).includes(issue.message) ? (issue.message as CaseErrorKey) : fallbackKey(field);
  }
  return { ok: false, errors };
}

/** zod's own message for a wrong type (e.g. a number where text goes): the field's "required" key. */
function fallbackKey(field: DraftField): CaseErrorKey {
  if (field === 'amount') return 'afterSale.error.amountNotANumber';
  if (field === 'type') return 'afterSale.error.typeRequired';
  if (field === 'product') return 'afterSale.error.productRequired';
  if (field === 'currency') return 'afterSale.error.currency';
  if (field === 'orderNumber') return 'afterSale.error.orderNumberRequired';
  return 'afterSale.error.tooLong';
}

/** A new case at first contact. `id` comes from the caller (crypto.randomUUID in the UI), so this stays pure. */
export function openCase(draft: AfterSaleDraft, id: string, at: number): AfterSaleCase {
  const record: AfterSaleCase = {
    id,
    orderNumber: draft.orderNumber,
    type: draft.type,
    product: draft.product,
    amount: draft.amount,
    currency: draft.currency,
    reason: draft.reason,
    step: 'firstContact',
    steps: { firstContact: { at, note: draft.note } },
    resolution: null,
    platformIntervened: false,
    ruledAgainst: null,
    complaint: false,
    openedAt: at,
    updatedAt: at,
  };
  if (draft.conversationId) record.conversationId = draft.conversationId;
  if (draft.buyerName) record.buyerName = draft.buyerName;
  return record;
}

export type CaseChange = { ok: true; value: AfterSaleCase } | { ok: false; error: CaseErrorKey };

/**
 * Moves a case forward to `to` (one or more steps), stamping `at` and `note` on that step; skipped steps stay
 * without a time. Backwards or the same step is refused; so is a time before the step it leaves, and
 * resolving without saying how (a resolution is what the refund metrics count).
 */
export function advanceCase(c: AfterSaleCase, to: CaseStep, at: number, note = '', resolution?: Resolution): CaseChange {
  const from = CASE_STEPS.indexOf(c.step);
  const target = CASE_STEPS.indexOf(to);
  if (target < 0) return { ok: false, error: 'afterSale.error.stepUnknown' };
  if (target === from) return { ok: false, error: 'afterSale.error.stepSame' };
  if (target < from) return { ok: false, error: 'afterSale.error.stepBackwards' };
  if (to === 'resolved' && !resolution) return { ok: false, error: 'afterSale.error.resolutionRequired' };
  if (to !== 'resolved' && resolution) return { ok: false, error: 'afterSale.error.resolutionNotResolved' };
  if (at < c.steps[c.step]!.at) return { ok: false, error: 'afterSale.error.timeBeforePrevious' };
  return { ok: true, value: { ...c, step: to, steps: { ...c.steps, [to]: { at, note } }, resolution: resolution ?? null, updatedAt: Math.max(c.updatedAt, at) } };
}

/** Records the platform stepping in, and whom it ruled against once it has (null while pending). */
export function recordIntervention(c: AfterSaleCase, ruledAgainst: 'shop' | 'buyer' | null, at: number): AfterSaleCase {
  return { ...c, platformIntervened: true, ruledAgainst, updatedAt: Math.max(c.updatedAt, at) };
}

/** Records that the buyer complained to the platform. */
export function recordComplaint(c: AfterSaleCase, at: number): AfterSaleCase {
  return { ...c, complaint: true, updatedAt: Math.max(c.updatedAt, at) };
}

/**
 * The resolutions to suggest, best first. Repair is the cheapest (DOMAIN.md), so it leads whenever the buyer
 * agrees to one and the case is about the item itself; a wrong or missing item is put right by sending the
 * right one (exchange) first.
 */
export function suggestedResolutions(type: CaseType, buyerAgreesToRepair: boolean): Resolution[] {
  const repairable = type === 'qualityProblem' || type === 'returnRefund';
  if (buyerAgreesToRepair && repairable) return ['repair', 'exchange', 'refund'];
  if (type === 'wrongItem' || type === 'missingItem' || type === 'qualityProblem') return ['exchange', 'refund'];
  return ['refund', 'exchange'];
}

/** How long a case may sit in a step before it is stale, in ms; a step without a limit is never stale. */
export type StepLimits = Partial<Record<Exclude<CaseStep, 'resolved'>, number>>;

export const DEFAULT_STEP_LIMITS: StepLimits = { firstContact: 2 * 3_600_000, goodsReceived: 24 * 3_600_000, problemConfirmed: 24 * 3_600_000 };

export interface StaleReminder {
  caseId: string;
  orderNumber: string;
  step: CaseStep;
  /** When the case entered its step. */
  since: number;
  /** How far past the step's limit, ms (> 0). */
  overdueMs: number;
}

/** When a case entered its step and when it turns stale there; null for a resolved case or a step without a limit. */
function stepDeadline(c: AfterSaleCase, limits: StepLimits): { since: number; due: number } | null {
  if (c.step === 'resolved') return null;
  const limit = limits[c.step];
  if (limit === undefined) return null;
  const since = c.steps[c.step]!.at;
  return { since, due: since + limit };
}

/** The open cases sitting in their step longer than its limit, most overdue first (ties by order number). */
export function staleReminders(cases: readonly AfterSaleCase[], limits: StepLimits, now: number): StaleReminder[] {
  const reminders: StaleReminder[] = [];
  for (const c of cases) {
    const deadline = stepDeadline(c, limits);
    if (deadline && now > deadline.due) reminders.push({ caseId: c.id, orderNumber: c.orderNumber, step: c.step, since: deadline.since, overdueMs: now - deadline.due });
  }
  return reminders.sort((a, b) => b.overdueMs - a.overdueMs || a.orderNumber.localeCompare(b.orderNumber));
}

/**
 * When the next open case turns stale (epoch ms, the first moment staleReminders lists it), or null when none
 * will: the worker arms a timer for it so a reminder shows on time, not at the next half-minute backstop.
 */
export function nextStaleAt(cases: readonly AfterSaleCase[], limits: StepLimits, now: number): number | null {
  let next: number | null = null;
  for (const c of cases) {
    const deadline = stepDeadline(c, limits);
    if (deadline && deadline.due + 1 > now && (next === null || deadline.due + 1 < next)) next = deadline.due + 1;
  }
  return next;
}
