/**
 * Checks messages or a snippet library for conduct risks: `npm run guard -- FILE [--side shop|buyer] [--rules RULES.json]`.
 *
 * FILE is a text file, one message a line (UTF-8, UTF-16 with a BOM or GBK, as lib/text-file.ts reads them), or a
 * snippet export (JSON, lib/snippet-io.ts). Prints one JSON object a line: for a text file one per non-empty line
 * (`line` counts from 1), for a snippet export one per snippet (`snippet` is its id), each with the categories
 * found and the findings of lib/guard (`text` is the flagged part of the message, for reading).
 * `--side buyer` checks buyer messages (abuse, off-platform, threats); the default is the shop's own messages.
 * `--rules FILE` adds a shop's custom rules (a file exported from the options page, lib/guard/custom-rules.ts).
 *
 * Bad usage, or a FILE or rules file that cannot be read or is not what it should be: the reason on stderr, exit 2.
 */
import { readFileSync } from 'node:fs';
import { checkMessage, compileCustomRules, parseGuardRulesFile, type CompiledCustomRules, type GuardFinding, type GuardSide } from '../lib/guard';
import { parseSnippetsJson } from '../lib/snippet-io';
import { decodeTextFile } from '../lib/text-file';
import { fileError, finish, isMain, readArgs, usageError as usageCliError, type CliResult } from './cli';

export const USAGE = `usage: npm run -s guard -- FILE [--side shop|buyer] [--rules RULES.json]

Checks each message for abuse, trade or contact off the platform, over-promises, threats, blame-shifting and
sarcasm about the price, and prints one JSON object a line: {"line": N, "categories": [...], "findings": [...]}.
  FILE          a text file, one message a line, or a snippet export (.json): one object per snippet
  --side SIDE   shop (default): the shop's own messages; buyer: messages from buyers
  --rules FILE  also apply a shop's custom rules file (exported from the options page)
  --help        show this help
`;

const usageError = (message: string) => usageCliError(USAGE, message);

interface Options {
  file: string;
  side: GuardSide;
  rules?: string;
}

function parseArgs(args: readonly string[]): Options | CliResult {
  const read = readArgs(args, { values: ['--side', '--rules'] });
  if ('error' in read) return usageError(read.error);
  if (read.help) return { code: 0, stdout: USAGE, stderr: '' };
  const { files, values } = read;
  const side = values['--side'];
  if (files.length === 0) return usageError('no file given');
  if (files.length > 1) return usageError(`one file at a time (got ${files.length})`);
  if (side !== undefined && side !== 'shop' && side !== 'buyer') return usageError(`--side: "${side}" is neither shop nor buyer`);
  return { file: files[0]!, side: (side ?? 'shop') as GuardSide, rules: values['--rules'] };
}

type Read = { ok: true; text: string } | { ok: false; stderr: string };

function readText(path: string, readFile: (path: string) => Uint8Array): Read {
  let bytes: Uint8Array;
  try {
    bytes = readFile(path);
  } catch (e) {
    return { ok: false, stderr: `error: ${path}: ${fileError(e, { notA: 'a file' })}\n` };
  }
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) return { ok: false, stderr: `error: ${path}: line ${decoded.line}: ${decoded.message}\n` };
  return { ok: true, text: decoded.text };
}

function report(key: Record<string, string | number>, message: string, side: GuardSide, rules?: CompiledCustomRules): string {
  const findings = checkMessage(message, { side, rules });
  const categories = [...new Set(findings.map((f) => f.category))];
  const shown = findings.map((f: GuardFinding) => ({ ...f, text: message.slice(f.start, f.end) }));
  return `${JSON.stringify({ ...key, categories, findings: shown })}\n`;
}

/** The whole CLI: arguments in, exit code and output out; `readFile` is the file system, replaceable in tests. */
export function runGuardCli(args: readonly string[], readFile: (path: string) => Uint8Array = (path) => readFileSync(path)): CliResult {
  const options = parseArgs(args);
  if ('code' in options) return options;
  let rules: CompiledCustomRules | undefined;
  if (options.rules !== undefined) {
    const read = readText(options.rules, readFile);
    if (!read.ok) return { code: 2, stdout: '', stderr: read.stderr };
    const parsed = parseGuardRulesFile(read.text);
    if (!parsed.ok) {
      const where = [parsed.error.entry !== undefined ? `rule ${parsed.error.entry}` : '', parsed.error.field ?? ''].filter(Boolean).join(', ');
      return { code: 2, stdout: '', stderr: `error: ${options.rules}: ${where ? `${where}: ` : ''}${parsed.error.message}\n` };
    }
    rules = compileCustomRules(parsed.rules, parsed.allow);
  }
  const read = readText(options.file, readFile);
  if (!read.ok) return { code: 2, stdout: '', stderr: read.stderr };
  const text = read.text.replace(/^\uFEFF/, '');
  let out = '';
  if (/\.json$/i.test(options.file) || /^\s*\{/.test(text)) {
    const parsed = parseSnippetsJson(text);
    if (!parsed.ok) {
      const { row, field, message } = parsed.problem;
      return { code: 2, stdout: '', stderr: `error: ${options.file}: ${row !== null ? `snippet ${row}, ` : ''}${field}: ${message}\n` };
    }
    for (const snippet of parsed.snippets) out += report({ snippet: snippet.id }, snippet.body, options.side, rules);
  } else {
    text.split(/\r\n|\r|\n/).forEach((line, index) => {
      if (line.trim()) out += report({ line: index + 1 }, line, options.side, rules);
    });
  }
  return { code: 0, stdout: out, stderr: '' };
}

if (isMain(import.meta.url)) finish(runGuardCli(process.argv.slice(2)));
