import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventExportSchema, parseEventExport, serializeEventExport, type EventExport } from '@/lib/event-export';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'test/fixtures/exports', name), 'utf8');
const good = (): EventExport & Record<string, unknown> => JSON.parse(fixture('good.json'));
const errorOf = (value: unknown) => {
  const result = parseEventExport(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
};

describe('a good export', () => {
  it('parses, and round-trips through serializeEventExport', () => {
    const result = parseEventExport(fixture('good.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.events).toHaveLength(13);
    expect(result.value.profile.id).toBe('default');
    expect(serializeEventExport(result.value)).toBe(fixture('good.json'));
    expect(parseEventExport(serializeEventExport(result.value))).toEqual(result);
  });

  it('is pretty JSON', () => {
    const text = serializeEventExport(EventExportSchema.parse(good()));
    expect(text.split('\n')[1]).toBe('  "format": "kefu-sidekick/events",');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('tolerates a byte-order mark and unknown extra fields', () => {
    const result = parseEventExport(`\uFEFF${JSON.stringify({ ...good(), note: 'from a newer tool' })}`);
    expect(result.ok).toBe(true);
    expect(result.ok && 'note' in result.value).toBe(false);
  });
});

describe('a broken export names the entry and the field', () => {
  it('not JSON: the parser message and the line', () => {
    expect(errorOf(fixture('not-json.json'))).toBe(`not JSON: Expected a double-quoted property name, found "," (line 3, column 16)`);
    expect(errorOf('')).toBe('not JSON: Unexpected end of JSON input (line 1, column 1)');
    expect(errorOf('{\n  "format": "kefu-sidekick/events",\n  "events": [\n')).toBe('not JSON: Unexpected end of JSON input (line 4, column 1)');
    expect(errorOf('{"a": tru}')).toBe('not JSON: Unexpected token "}" (line 1, column 10)');
    expect(errorOf('{"a": 1} {')).toBe('not JSON: Unexpected "{" after the end of the JSON value (line 1, column 10)');
    expect(errorOf('{\n"a": "x\ny"}')).toBe('not JSON: Bad control character in string literal (line 2, column 8)');
  });

  it('not an export at all', () => {
    expect(errorOf(fixture('not-an-export.json'))).toBe('format: this is not a Kefu Sidekick event export');
    expect(errorOf('[1, 2]')).toBe('format: this is not a Kefu Sidekick event export');
    expect(errorOf('null')).toBe('format: this is not a Kefu Sidekick event export');
    expect(errorOf({ ...good(), format: 'kefu-sidekick/snippets' })).toBe('format: this is not a Kefu Sidekick event export');
  });

  it('a newer version', () => {
    expect(errorOf(fixture('newer-version.json'))).toBe('version: 2 is newer than this tool understands (1)');
    expect(errorOf({ ...good(), version: 0 })).toBe('version: Invalid input: expected 1 (got 0)');
    expect(errorOf({ ...good(), version: '1' })).toBe('version: Invalid input: expected 1 (got "1")');
  });

  it('a wrong value in an event', () => {
    expect(errorOf(fixture('bad-sender.json'))).toBe('events[2].sender: Invalid option: expected one of "buyer"|"shop"|"system" (got "robot")');
    const file = good();
    const events = file.events.map((e) => ({ ...e }));
    events[4] = { ...events[4]!, at: -5 };
    events[7] = { ...events[7]!, auto: 'no' as unknown as boolean };
    expect(errorOf({ ...file, events })).toBe('events[4].at: Too small: expected number to be >=0 (got -5) (and 1 more problem)');
  });

  it('a missing field, a wrong type, an empty id, a fractional time', () => {
    const file = good();
    const without = (i: number, key: string) => file.events.map((e, j) => (j === i ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
    expect(errorOf({ ...file, events: without(12, 'conversationId') })).toBe('events[12].conversationId: Invalid input: expected string, received undefined');
    expect(errorOf({ ...file, events: file.events.map((e, j) => (j === 1 ? { ...e, at: '09:00' } : e)) })).toBe('events[1].at: Invalid input: expected number, received string (got "09:00")');
    expect(errorOf({ ...file, events: file.events.map((e, j) => (j === 0 ? { ...e, id: '' } : e)) })).toBe('events[0].id: Too small: expected string to have >=1 characters (got "")');
    expect(errorOf({ ...file, events: file.events.map((e, j) => (j === 0 ? { ...e, at: 1.5 } : e)) })).toBe('events[0].at: Invalid input: expected int, received number (got 1.5)');
    expect(errorOf({ ...file, events: {} })).toBe('events: Invalid input: expected array, received object');
  });

  it('a broken header: time zone, period, profile', () => {
    const file = good();
    expect(errorOf({ ...file, timeZone: 'Mars/Olympus_Mons' })).toBe('timeZone: not a known IANA time zone (got "Mars/Olympus_Mons")');
    expect(errorOf({ ...file, period: { start: 10, end: 10 } })).toBe('period.end: the period must end after it starts (got 10)');
    expect(errorOf({ ...file, profile: { ...file.profile, unit: 'conversation' } })).toBe(
      'profile.unit: Invalid option: expected one of "message"|"round"|"buyer"|"session" (got "conversation")',
    );
    expect(errorOf({ ...file, profile: { ...file.profile, window: { start: 480, end: 1500 } } })).toBe('profile.window.end: Too big: expected number to be <=1440 (got 1500)');
    const { exportedAt: _dropped, ...rest } = file;
    expect(errorOf(rest)).toBe('exportedAt: Invalid input: expected number, received undefined');
  });
});
