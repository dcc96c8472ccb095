import { csvFile, csvRowAtEnd, parseCsv } from '../csv';
import { describeIssue, isRecord, parseJsonText } from '../json-file';
import { decodeTextFile } from '../text-file';
import { AfterSaleCaseSchema, CASE_ERROR_KEYS, CASE_STEPS, type AfterSaleCase, type CaseStep } from './case';

/**
 * After-sale cases in and out: a versioned JSON file (epoch ms, exactly as stored) and CSV for spreadsheets
 * (times as ISO 8601 UTC, which a spreadsheet reads and which round-trips to the millisecond). A file is
 * taken whole or refused whole, naming the row and the field at fault, as snippet files are.
 */
export const CASES_FORMAT = 'kefu-sidekick/after-sale-cases';
export const CASES_VERSION = 1;

const STEP_COLUMNS = CASE_STEPS.flatMap((s) => [`${s}At`, `${s}Note`]);
export const CASE_CSV_COLUMNS = ['id', 'orderNumber', 'conversationId', 'buyerName', 'type', 'product', 'amount', 'currency', 'reason', 'step', 'resolution', 'platformIntervened', 'ruledAgainst', 'complaint', 'openedAt', 'updatedAt', ...STEP_COLUMNS] as const;
const REQUIRED_COLUMNS = ['id', 'orderNumber', 'type', 'product', 'amount', 'step', 'firstContactAt'];

/** Where a file is wrong: `row` is the JSON entry (1 = first) or the CSV line (1 = the header); `message` is an error key of CASE_ERROR_KEYS or zod's sentence. */
export interface CaseImportProblem {
  row: number | null;
  field: string;
  message: string;
}
export type CaseImportResult = { ok: true; cases: AfterSaleCase[] } | { ok: false; problem: CaseImportProblem };

/** The stored fields only, in a fixed order (a record read from Dexie may carry nothing else, but a file must not either). */
function plain(c: AfterSaleCase): AfterSaleCase {
  const { id, orderNumber, conversationId, buyerName, type, product, amount, currency, reason, step, steps, resolution, platformIntervened, ruledAgainst, complaint, openedAt, updatedAt } = c;
  return { id, orderNumber, conversationId, buyerName, type, product, amount, currency, reason, step, steps, resolution, platformIntervened, ruledAgainst, complaint, openedAt, updatedAt };
}

export function casesToJson(cases: readonly AfterSaleCase[]): string {
  return `${JSON.stringify({ format: CASES_FORMAT, version: CASES_VERSION, cases: cases.map(plain) }, null, 2)}\n`;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export function casesToCsv(cases: readonly AfterSaleCase[]): string {
  const rows = cases.map((c) => [
    c.id,
    c.orderNumber,
    c.conversationId ?? '',
    c.buyerName ?? '',
    c.type,
    c.product,
    String(c.amount),
    c.currency,
    c.reason,
    c.step,
    c.resolution ?? '',
    String(c.platformIntervened),
    c.ruledAgainst ?? '',
    String(c.complaint),
    iso(c.openedAt),
    iso(c.updatedAt),
    ...CASE_STEPS.flatMap((s) => [iso(c.steps[s]?.at), c.steps[s]?.note ?? '']),
  ]);
  return csvFile([[...CASE_CSV_COLUMNS], ...rows]);
}

/** A zod path as the file's own column: steps.goodsReceived.at -> goodsReceivedAt. */
function csvField(path: readonly PropertyKey[]): string {
  if (path[0] === 'steps' && typeof path[1] === 'string') return `${path[1]}${path[2] === 'note' ? 'Note' : 'At'}`;
  return path.map(String).join('.') || '(row)';
}

function checkAll(entries: unknown[], rowOf: (index: number) => number, fieldOf: (path: readonly PropertyKey[]) => string): CaseImportResult {
  const cases: AfterSaleCase[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const parsed = AfterSaleCaseSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const isKey = (CASE_ERROR_KEYS as readonly string[]).includes(issue.message);
      const message = isKey ? issue.message : describeIssue({ ...issue, path: [] }, valueAt(entry, issue.path)).replace(/^\(the file\): /, '');
      return { ok: false, problem: { row: rowOf(index), field: fieldOf(issue.path), message } };
    }
    if (ids.has(parsed.data.id)) return { ok: false, problem: { row: rowOf(index), field: 'id', message: `"${parsed.data.id}" appears twice in the file` } };
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  }
  return { ok: true, cases };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = isRecord(value) ? value[String(key)] : undefined;
  return value;
}

export function parseCasesJson(text: string): CaseImportResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problem: { row: null, field: '(file)', message: json.error } };
  const { data } = json;
  if (!isRecord(data) || data.format !== CASES_FORMAT) return { ok: false, problem: { row: null, field: 'format', message: 'this is not a Kefu Sidekick after-sale case file' } };
  if (data.version !== CASES_VERSION) return { ok: false, problem: { row: null, field: 'version', message: `${String(data.version)} is not a version this extension reads (${CASES_VERSION})` } };
  if (!Array.isArray(data.cases)) return { ok: false, problem: { row: null, field: 'cases', message: 'expected a list' } };
  return checkAll(data.cases, (i) => i + 1, (path) => path.map(String).join('.') || '(row)');
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A cell as the schema expects it; anything unreadable is passed on as text, so the schema names its field. */
const numberCell = (cell: string): unknown => (NUMBER.test(cell.trim()) ? Number(cell.trim()) : cell);
const timeCell = (cell: string): unknown => {
  const ms = Date.parse(cell.trim());
  return /^\d{4}-\d\d-\d\dT/.test(cell.trim()) && Number.isFinite(ms) ? ms : cell;
};
const boolCell = (cell: string): unknown => ({ true: true, false: false })[cell.trim().toLowerCase()] ?? cell;

export function parseCasesCsv(text: string): CaseImportResult {
  const parsed = parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return { ok: false, problem: { row: parsed.row, field: '(row)', message: parsed.message } };
  const [headerRow, ...rows] = parsed.rows;
  const header = (headerRow?.cells ?? []).map((h) => h.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, problem: { row: headerRow?.row ?? 1, field: missing.join(', '), message: `the header must name the columns ${CASE_CSV_COLUMNS.join(', ')}` } };
  const entries: Record<string, unknown>[] = [];
  for (const { row, cells } of rows) {
    // A cell too many or too few shifts every cell after it into the wrong column: refused, not guessed.
    if (cells.length !== header.length) return { ok: false, problem: { row, field: '(row)', message: `${cells.length} cells where the header has ${header.length}: a cell with a comma in it must be in double quotes` } };
    const exact = (name: string) => {
      const i = header.indexOf(name);
      return i < 0 ? '' : cells[i]!;
    };
    const cell = (name: string) => exact(name).trim();
    const entry: Record<string, unknown> = {
      id: cell('id'),
      orderNumber: cell('orderNumber'),
      type: cell('type'),
      product: cell('product'),
      amount: numberCell(exact('amount')),
      currency: cell('currency') || 'CNY',
      reason: cell('reason'),
      step: cell('step'),
      resolution: cell('resolution') || null,
      platformIntervened: cell('platformIntervened') ? boolCell(exact('platformIntervened')) : false,
      ruledAgainst: cell('ruledAgainst') || null,
      complaint: cell('complaint') ? boolCell(exact('complaint')) : false,
    };
    if (cell('conversationId')) entry.conversationId = cell('conversationId');
    if (cell('buyerName')) entry.buyerName = cell('buyerName');
    const steps: Record<string, unknown> = {};
    for (const s of CASE_STEPS) {
      if (!cell(`${s}At`) && !exact(`${s}Note`)) continue;
      steps[s] = { at: timeCell(exact(`${s}At`)), note: exact(`${s}Note`) };
    }
    entry.steps = steps;
    // A sheet written by hand may leave these out: they follow from the step times.
    const firstAt = (steps.firstContact as { at?: unknown } | undefined)?.at;
    entry.openedAt = cell('openedAt') ? timeCell(exact('openedAt')) : firstAt;
    entry.updatedAt = cell('updatedAt') ? timeCell(exact('updatedAt')) : latestStepTime(steps);
    entries.push(entry);
  }
  return checkAll(entries, (i) => rows[i]!.row, csvField);
}

function latestStepTime(steps: Record<string, unknown>): unknown {
  const times = CASE_STEPS.map((s: CaseStep) => (steps[s] as { at?: unknown } | undefined)?.at).filter((t): t is number => typeof t === 'number');
  return times.length ? Math.max(...times) : undefined;
}

/** A file the agent picked: CSV by its name (any encoding a spreadsheet writes), else JSON (UTF-8). */
export function parseCasesFile(name: string, bytes: Uint8Array): CaseImportResult {
  if (/\.csv$/i.test(name)) {
    const decoded = decodeTextFile(bytes);
    if (!decoded.ok) return { ok: false, problem: { row: csvRowAtEnd(decoded.before), field: '(row)', message: decoded.message } };
    return parseCasesCsv(decoded.text);
  }
  const decoded = decodeTextFile(bytes, ['utf-8']);
  if (!decoded.ok) return { ok: false, problem: { row: null, field: '(file)', message: `${decoded.message} (line ${decoded.line})` } };
  return parseCasesJson(decoded.text);
}
