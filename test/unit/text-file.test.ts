import { describe, expect, test } from 'vitest';
import { decodeTextFile } from '@/lib/text-file';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const bytes = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** GBK (code page 936) from its table, as Excel and WPS write "CSV" on a Chinese Windows. */
const GBK = { 退款: [0xcd, 0xcb, 0xbf, 0xee], 售后: [0xca, 0xdb, 0xba, 0xf3], '，': [0xa3, 0xac], 亲: [0xc7, 0xd7] };

describe('decoding a file from its bytes', () => {
  test.each([
    ['UTF-8', utf8('标题,退款\n'), 'utf-8'],
    ['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], utf8('标题,退款\n')), 'utf-8'],
    ['UTF-16 LE with a BOM', bytes([0xff, 0xfe], utf16le('标题,退款\n')), 'utf-16le'],
    ['UTF-16 BE with a BOM', bytes([0xfe, 0xff], utf16be('标题,退款\n')), 'utf-16be'],
  ])('%s', (_, file, encoding) => {
    expect(decodeTextFile(file)).toEqual({ ok: true, text: '标题,退款\n', encoding });
  });

  test('GBK, as Chinese spreadsheet tools save CSV, reads as the Chinese it is', () => {
    const file = bytes(utf8('title,body\r\n'), GBK.退款, utf8(','), GBK.亲, GBK['，'], GBK.售后, utf8('\r\n'));
    expect(decodeTextFile(file)).toEqual({ ok: true, text: 'title,body\r\n退款,亲，售后\r\n', encoding: 'gb18030' });
  });

  test('a byte that is text in no encoding is refused naming its line, whatever the line endings', () => {
    const file = bytes(utf8('标题\r\n第二行\n第三行\r'), [0xff], utf8('x\n'));
    expect(decodeTextFile(file)).toMatchObject({ ok: false, line: 4, before: '标题\r\n第二行\n第三行\r', message: expect.stringContaining('UTF-8, UTF-16 or GBK') });
  });

  test('UTF-8 Chinese with one broken byte is a broken UTF-8 file, not GBK garbled', () => {
    const file = bytes(utf8('标题\n退款\n'), [0xe9, 0x80], utf8('A\n'));
    expect(decodeTextFile(file)).toMatchObject({ ok: false, line: 3, before: '标题\n退款\n' });
  });

  test('a GBK file with a broken byte is refused at that byte, not at its first Chinese', () => {
    const file = bytes(utf8('title\n'), GBK.退款, utf8('\n'), GBK.售后, utf8('\n'), [0xff]);
    expect(decodeTextFile(file)).toMatchObject({ ok: false, line: 4, before: 'title\n退款\n售后\n' });
  });

  test('a file cut in the middle of a character is refused on its last line', () => {
    expect(decodeTextFile(bytes(utf8('标题\n退'), [0xe6, 0xac]))).toMatchObject({ ok: false, line: 2, before: '标题\n退' });
  });

  test('NUL characters (UTF-16 without a BOM, or no text at all) are refused', () => {
    expect(decodeTextFile(utf16le('title\nx'))).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('NUL') });
  });

  test('where only UTF-8 will do (JSON), GBK and UTF-16 are refused, saying so', () => {
    expect(decodeTextFile(bytes(utf8('{"t": "'), GBK.退款, utf8('"}')), ['utf-8'])).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('not text in UTF-8') });
    expect(decodeTextFile(bytes([0xff, 0xfe], utf16le('{}')), ['utf-8'])).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('UTF-16') });
    expect(decodeTextFile(utf8('{"t": "退款"}'), ['utf-8'])).toEqual({ ok: true, text: '{"t": "退款"}', encoding: 'utf-8' });
  });
});
