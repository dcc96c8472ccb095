import { z } from './z';

/**
 * Reading files people bring in (shift exports, snippet libraries): JSON errors with their line and
 * column, and zod's own message for the first problem, on one line with where it is and what was there, e.g.
 * `events[12].sender: Invalid option: expected one of "buyer"|"shop"|"system" (got "robot")`.
 */
export function parseJsonText(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM some editors write
  try {
    return { ok: true, data: JSON.parse(source) };
  } catch (e) {
    return { ok: false, error: `not JSON: ${jsonError(source, e)}` };
  }
}

/** The first problem as a line, and how many more there are (a file with hundreds of bad rows would bury the first). */
export function explainZodError(error: z.ZodError, data: unknown): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'invalid file';
  const more = rest.length ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  return `${describeIssue(first, data)}${more}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `events[12].sender`, as zod writes a path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return z.core.toDotPath(path) || '(the file)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value: unknown = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !(key in value)) return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

/** A value as the person who wrote the file would recognise it; null when it is an object or a list (zod names its type). */
function show(value: unknown): string | null {
  if (value === null) return 'null';
  if (typeof value === 'object') return null;
  if (typeof value === 'string' && value.length > 60) return `a text of ${value.length} characters`;
  return JSON.stringify(value) ?? String(value);
}

/**
 * zod's own message, where it is, and what the file holds there: zod does not quote the value itself
 * (its parsers are not asked to keep it), and a person fixing a file looks for it.
 */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const { found, value } = valueAt(data, issue.path);
  const shown = found && value !== undefined ? show(value) : null;
  const got = shown === null ? '' : ` (got ${shown})`;
  return `${formatPath(issue.path)}: ${issue.message}${got}`;
}

/** "Unexpected token ..." with the line and column, the same on every JavaScript engine. */
function jsonError(text: string, error: unknown): string {
  const at = firstJsonError(text);
  const fallback = error instanceof Error ? error.message : String(error);
  if (!at) return fallback;
  const before = text.slice(0, at.index);
  const line = before.split('\n').length;
  const column = at.index - before.lastIndexOf('\n');
  return `${at.message} (line ${line}, column ${column})`;
}

/**
 * Where JSON.parse gave up, found again by a small JSON scanner (engines word and place their messages
 * differently, and some give no position). Only runs on text JSON.parse rejected.
 */
function firstJsonError(text: string): { index: number; message: string } | null {
  let i = 0;
  class Stop extends Error {
    constructor(
      readonly index: number,
      message: string,
    ) {
      super(message);
    }
  }
  const fail = (message?: string): never => {
    if (i >= text.length) throw new Stop(i, 'Unexpected end of JSON input');
    throw new Stop(i, message ?? `Unexpected token ${JSON.stringify(text[i])}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return;
      }
      if (ch < 0x20) fail('Bad control character in string literal');
      if (ch === 0x5c) {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('Bad Unicode escape');
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
        else fail('Bad escaped character');
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
    if (i < text.length && /[0-9.eE+-]/.test(text[i]!)) fail();
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(i < text.length ? `Expected a double-quoted property name, found ${JSON.stringify(text[i])}` : undefined);
        string();
        ws();
        if (text[i] !== ':') fail(i < text.length ? `Expected ':' after a property name, found ${JSON.stringify(text[i])}` : undefined);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(i < text.length ? `Expected ',' or '}' after a property value, found ${JSON.stringify(text[i])}` : undefined);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(i < text.length ? `Expected ',' or ']' after an array element, found ${JSON.stringify(text[i])}` : undefined);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`Unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
    return null;
  } catch (e) {
    // Anything else (a stack overflow on absurd nesting): JSON.parse's own message will do.
    return e instanceof Stop ? { index: e.index, message: e.message } : null;
  }
}
