import Papa from 'papaparse';

/**
 * CSV files people open in spreadsheet tools (Excel, WPS, Numbers, LibreOffice) and bring back.
 *
 * Out: a cell beginning with `=`, `+`, `-`, `@`, TAB or CR is run as a formula by those tools, so a
 * snippet or a profile name could compute, link or run something on the agent's machine (OWASP "CSV
 * injection"). Such a cell gets a leading `'`, which the tools read as "this is text" and do not show.
 * In: the `'` is taken off again, so what was exported comes back identical.
 */

/**
 * Guarded: what begins a formula, and the same behind `'`s, so that a text which itself begins `'=` or
 * `''+` gets one more `'` and keeps its own on the way back. A `'` before anything else is left alone both
 * ways (`'tis` stays `'tis`).
 */
const GUARDED_ON_EXPORT = /^'*[=+\-@\t\r]/;
const GUARDED_ON_IMPORT = /^'+[=+\-@\t\r]/;

/** One cell, safe to open in a spreadsheet and quoted per RFC 4180. */
export function csvCell(value: string): string {
  const text = GUARDED_ON_EXPORT.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Undoes `csvCell`'s guard: a cell read back from a file, already unquoted. */
function unguardCsvCell(cell: string): string {
  return GUARDED_ON_IMPORT.test(cell) ? cell.slice(1) : cell;
}

/** Rows as a CSV file: every cell through `csvCell`, CRLF after every line (RFC 4180). */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** `row` numbers the rows as a spreadsheet shows them: 1 = the first line of the file. */
export interface CsvRow {
  row: number;
  cells: string[];
}
export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; row: number; message: string };

/**
 * Files pass through editors and tools that each end lines their own way, and one file can end up with
 * `\r\n`, `\n` and `\r` mixed; a parser that guesses one ending joins the rows ending another way. So
 * every line end outside quoted cells becomes `\n`; inside a quoted cell the text stays as it was.
 */
const normaliseLineEnds = (text: string) => text.replace(/"[^"]*(?:""[^"]*)*"|\r\n?/g, (match) => (match.startsWith('"') ? match : '\n'));

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a cell opens a quote (") that never closes',
  InvalidQuotes: 'text after the closing quote (") of a cell: a quote inside a cell is written twice ("")',
};

/**
 * The rows of a CSV file, comma-separated, cells unquoted and unguarded. Rows with nothing in them are
 * left out (spreadsheets write them as `,,,`) but still counted; a quoting mistake refuses the file.
 */
export function parseCsv(text: string): CsvParse {
  const parsed = Papa.parse<string[]>(normaliseLineEnds(text), { delimiter: ',', newline: '\n' });
  const bad = parsed.errors[0];
  if (bad) return { ok: false, row: (bad.row ?? 0) + 1, message: QUOTE_PROBLEMS[bad.code] ?? bad.message };
  const rows = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map(unguardCsvCell) }));
  return { ok: true, rows: rows.filter(({ cells }) => cells.some((c) => c.trim())) };
}

/** The spreadsheet row the end of this text falls in (the text being the start of a CSV file). */
export function csvRowAtEnd(text: string): number {
  const parsed = Papa.parse<string[]>(normaliseLineEnds(text), { delimiter: ',', newline: '\n' });
  return Math.max(1, parsed.data.length);
}
