import type { z } from './z';

/**
 * Reading files people bring in (shift exports, snippet libraries): JSON errors with their line and
 * column, and zod's complaints as one sentence naming the entry and field, e.g.
 * `events[12].sender: expected one of "buyer", "shop", "system" (got "robot")`.
 */
export function parseJsonText(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM some editors write
  try {
    return { ok: true, data: JSON.parse(source) };
  } catch (e) {
    return { ok: false, error: `not JSON: ${jsonError(source, e)}` };
  }
}

/** The first problem as a sentence, and how many more there are. */
export function explainZodError(error: z.ZodError, data: unknown): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'invalid file';
  const more = rest.length ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  return `${describeIssue(first, data)}${more}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `events[12].sender` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the file)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value: unknown = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !(key in value)) return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = formatPath(issue.path);
  const { found, value } = valueAt(data, issue.path);
  const got = ` (got ${show(value)})`;
  switch (issue.code) {
    case 'invalid_type':
      if (!found || value === undefined) return `${where}: missing (expected ${ARTICLE[issue.expected] ?? issue.expected})`;
      return `${where}: expected ${ARTICLE[issue.expected] ?? issue.expected}${got}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `${where}: expected ${show(issue.values[0])}${got}`;
      return `${where}: expected one of ${issue.values.map(show).join(', ')}${got}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? `${where}: must not be empty` : `${where}: must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `${where}: must have at least ${issue.minimum} entries`;
      return `${where}: must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}${got}`;
    case 'too_big':
      if (issue.origin === 'string') return `${where}: must have at most ${issue.maximum} characters (got ${typeof value === 'string' ? value.length : '?'})`;
      if (issue.origin === 'array') return `${where}: must have at most ${issue.maximum} entries`;
      return `${where}: must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}${got}`;
    case 'custom':
      return `${where}: ${issue.message}${found ? got : ''}`;
    default:
      return `${where}: ${issue.message}`;
  }
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
