import { csvFile, csvRowAtEnd, parseCsv } from './csv';
import { describeIssue, isRecord, parseJsonText } from './json-file';
import { formatCount, MAX_SNIPPETS } from './limits';
import { SnippetDraftSchema, type Snippet, type SnippetDraft } from './snippet';
import { decodeTextFile } from './text-file';

export { SnippetDraftSchema, type SnippetDraft } from './snippet';

/**
 * Snippet libraries in and out: a versioned JSON file, and CSV because shops keep their scripts in
 * spreadsheets. A file is taken whole or refused whole, naming the row and the field at fault.
 */
export const SNIPPETS_FORMAT = 'kefu-sidekick/snippets';
export const SNIPPETS_VERSION = 1;


const CSV_COLUMNS = ['id', 'title', 'body', 'shortcut', 'lang', 'phase', 'tags', 'folder', 'sites'] as const;

/** Where a file is wrong: `row` is the JSON entry (1 = first) or the CSV line (1 = the header). */
export interface ImportProblem {
  row: number | null;
  field: string;
  message: string;
}
export type ImportResult = { ok: true; snippets: SnippetDraft[] } | { ok: false; problem: ImportProblem };

function checkAll(entries: unknown[], rowOf: (index: number) => number): ImportResult {
  // No library holds this many, whatever it holds now: refused at once, before checking rows that could
  // never go in (and before a message too large for the browser to carry).
  if (entries.length > MAX_SNIPPETS) return { ok: false, problem: { row: rowOf(MAX_SNIPPETS), field: '(row)', message: `the library holds at most ${formatCount(MAX_SNIPPETS)} snippets (this file has ${formatCount(entries.length)})` } };
  const snippets: SnippetDraft[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const parsed = SnippetDraftSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || '(row)';
      // "body: unclosed {{" rather than "body: body: ..."
      const message = describeIssue({ ...issue, path: [] }, (entry as Record<string, unknown>)[String(issue.path[0])]).replace(/^\(the file\): /, '');
      return { ok: false, problem: { row: rowOf(index), field, message } };
    }
    if (ids.has(parsed.data.id)) return { ok: false, problem: { row: rowOf(index), field: 'id', message: `"${parsed.data.id}" appears twice in the file` } };
    ids.add(parsed.data.id);
    snippets.push(parsed.data);
  }
  return { ok: true, snippets };
}

export function parseSnippetsJson(text: string): ImportResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problem: { row: null, field: '(file)', message: json.error } };
  const { data } = json;
  if (!isRecord(data) || data.format !== SNIPPETS_FORMAT) return { ok: false, problem: { row: null, field: 'format', message: 'this is not a Kefu Sidekick snippet file' } };
  if (data.version !== SNIPPETS_VERSION) return { ok: false, problem: { row: null, field: 'version', message: `${String(data.version)} is not a version this extension reads (${SNIPPETS_VERSION})` } };
  if (!Array.isArray(data.snippets)) return { ok: false, problem: { row: null, field: 'snippets', message: 'expected a list' } };
  return checkAll(data.snippets, (i) => i + 1);
}

/** A stable id for a CSV row without one: the same row imported twice is the same snippet. */
function rowId(lang: string, title: string): string {
  let h = 2166136261;
  for (const ch of `${lang}\u0000${title}`) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return `csv-${lang}-${(h >>> 0).toString(36)}`;
}

export function parseSnippetsCsv(text: string): ImportResult {
  const parsed = parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return { ok: false, problem: { row: parsed.row, field: '(row)', message: parsed.message } };
  const [headerRow, ...rows] = parsed.rows;
  const header = (headerRow?.cells ?? []).map((h) => h.trim());
  const missing = ['title', 'body', 'lang', 'phase'].filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, problem: { row: headerRow?.row ?? 1, field: missing.join(', '), message: `the header must name the columns ${CSV_COLUMNS.join(', ')}` } };
  const entries: Record<string, unknown>[] = [];
  for (const { row, cells } of rows) {
    // A cell too many or too few shifts every cell after it into the wrong column: refused, not guessed.
    if (cells.length > header.length) return { ok: false, problem: { row, field: '(row)', message: `${cells.length} cells where the header has ${header.length}: a cell with a comma in it must be in double quotes` } };
    if (cells.length < header.length) return { ok: false, problem: { row, field: header.slice(cells.length).join(', '), message: `${cells.length} cells where the header has ${header.length}: no cell for ${header.slice(cells.length).join(', ')}` } };
    const exactCell = (name: string) => {
      const i = header.indexOf(name);
      return i < 0 ? '' : cells[i]!;
    };
    // Spaces typed around a value in a sheet are dropped; the body is sent as written, edges included.
    const cell = (name: string) => exactCell(name).trim();
    const body = cell('body') ? exactCell('body') : '';
    const list = (name: string) => cell(name).split(/[;；]/).map((v) => v.trim()).filter(Boolean);
    const entry: Record<string, unknown> = { id: cell('id') || rowId(cell('lang'), cell('title')), title: cell('title'), body, lang: cell('lang'), phase: cell('phase'), tags: list('tags') };
    if (cell('shortcut')) entry.shortcut = cell('shortcut');
    if (cell('folder')) entry.folder = cell('folder');
    if (list('sites').length) entry.sites = list('sites');
    entries.push(entry);
  }
  return checkAll(entries, (i) => rows[i]!.row);
}

/**
 * A file the agent picked: CSV by its name, else JSON. CSV comes from spreadsheet tools in whatever
 * encoding they write; JSON is UTF-8 (RFC 8259), and this extension writes it so.
 */
export function parseSnippetsFile(name: string, bytes: Uint8Array): ImportResult {
  if (/\.csv$/i.test(name)) {
    const decoded = decodeTextFile(bytes);
    if (!decoded.ok) return { ok: false, problem: { row: csvRowAtEnd(decoded.before), field: '(row)', message: decoded.message } };
    return parseSnippetsCsv(decoded.text);
  }
  const decoded = decodeTextFile(bytes, ['utf-8']);
  if (!decoded.ok) return { ok: false, problem: { row: null, field: '(file)', message: `${decoded.message} (line ${decoded.line})` } };
  return parseSnippetsJson(decoded.text);
}

const draftOf = (s: SnippetDraft): SnippetDraft => ({ id: s.id, title: s.title, body: s.body, shortcut: s.shortcut, lang: s.lang, phase: s.phase, tags: s.tags, folder: s.folder, sites: s.sites });

export function snippetsToJson(snippets: readonly SnippetDraft[]): string {
  return `${JSON.stringify({ format: SNIPPETS_FORMAT, version: SNIPPETS_VERSION, snippets: snippets.map(draftOf) }, null, 2)}\n`;
}

export function snippetsToCsv(snippets: readonly SnippetDraft[]): string {
  const rows = snippets.map((s) => [s.id, s.title, s.body, s.shortcut ?? '', s.lang, s.phase, s.tags.join(';'), s.folder ?? '', (s.sites ?? []).join(';')]);
  return csvFile([[...CSV_COLUMNS], ...rows]);
}

export interface ImportPlan {
  /** Not in the library yet: added. */
  fresh: SnippetDraft[];
  /** Would replace a snippet of the library (same id) or take another's shortcut: only with the agent's yes. */
  conflicts: { incoming: SnippetDraft; existing: Snippet; reason: 'id' | 'shortcut' }[];
}

export function planImport(existing: readonly Snippet[], incoming: readonly SnippetDraft[]): ImportPlan {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const byShortcut = new Map(existing.filter((s) => s.shortcut).map((s) => [`${s.lang}|${s.shortcut!.toLowerCase()}`, s]));
  const plan: ImportPlan = { fresh: [], conflicts: [] };
  for (const s of incoming) {
    const same = byId.get(s.id);
    const taken = s.shortcut ? byShortcut.get(`${s.lang}|${s.shortcut.toLowerCase()}`) : undefined;
    if (same) plan.conflicts.push({ incoming: s, existing: same, reason: 'id' });
    else if (taken) plan.conflicts.push({ incoming: s, existing: taken, reason: 'shortcut' });
    else plan.fresh.push(s);
  }
  return plan;
}

/** Shortcuts used by more than one snippet of a language: the options page warns about each. */
export function duplicateShortcuts(snippets: readonly Pick<Snippet, 'id' | 'lang' | 'shortcut'>[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const s of snippets) {
    if (!s.shortcut) continue;
    const key = `${s.lang}|${s.shortcut.toLowerCase()}`;
    seen.set(key, [...(seen.get(key) ?? []), s.id]);
  }
  return new Map([...seen].filter(([, ids]) => ids.length > 1));
}
