import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { csvCell, csvFile, parseCsv } from '@/lib/csv';
import { presetProfiles } from '@/lib/metric-profiles';
import { emptyCounters, finalizeMetrics } from '@/lib/metrics';
import { defaultTargets, metricRows, metricsCsv } from '@/lib/targets';

/** What a spreadsheet tool sees in each cell: RFC 4180 unquoted, nothing else undone. */
const cellsSeenBySpreadsheet = (csv: string) => Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data.flat();
const FORMULA = /^[=+\-@\t\r]/;

const tricky = [
  '=HYPERLINK("http://evil.example","点我")',
  '+86 138 0000 0000',
  '-5 元',
  '@店长',
  '\t缩进',
  '\r回车开头',
  "'已经是引号开头",
  "'=不是公式",
  "''+两个引号",
  'a "quoted" word, with a comma',
  '第一行\n第二行',
  '第一行\r\n第二行',
  '',
  '普通的话',
];

describe('CSV cells', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=A1,"x"', `"'=A1,""x"""`],
    ["'=A1", "''=A1"],
    ["'hello", "'hello"],
    ['a=b', 'a=b'],
    ['亲，包邮', '亲，包邮'],
    ['a,b', '"a,b"'],
  ])('%j is written as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('no cell a spreadsheet opens begins a formula, and every cell reads back as written', () => {
    const csv = csvFile([tricky, tricky.toReversed()]);
    expect(cellsSeenBySpreadsheet(csv).filter((cell) => FORMULA.test(cell))).toEqual([]);
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual([tricky, tricky.toReversed()]);
  });

  test('the metrics export escapes the profile id like any other cell', () => {
    const day = { id: 'day:2026-11-23', start: Date.UTC(2026, 10, 22, 16), end: Date.UTC(2026, 10, 23, 16) };
    const rows = metricRows(finalizeMetrics(emptyCounters(day)), defaultTargets);
    const csv = metricsCsv(rows, { periodStart: day.start, periodEnd: day.end, profile: '=cmd|"/c calc"!A1', timeZone: 'Asia/Shanghai' });
    expect(cellsSeenBySpreadsheet(csv).filter((cell) => FORMULA.test(cell))).toEqual([]);
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows.slice(1).map((r) => r.cells[2])).toEqual(rows.map(() => '=cmd|"/c calc"!A1'));
    expect(metricsCsv(rows, { periodStart: day.start, periodEnd: day.end, profile: presetProfiles[0]!.id, timeZone: 'Asia/Shanghai' }).split('\r\n')[1]).toBe(
      '2026-11-22T16:00:00.000Z,2026-11-23T16:00:00.000Z,default,Asia/Shanghai,rate30,,0.9,none',
    );
  });
});

describe('reading CSV', () => {
  test('any line ending, mixed in one file, ends a row; inside quotes a line break is part of the cell', () => {
    const parsed = parseCsv('a,b\r\n1,2\n3,4\r5,"six\r\nlines\nand\rmore"\r\n7,8');
    expect(parsed.ok && parsed.rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
      { row: 4, cells: ['5', 'six\r\nlines\nand\rmore'] },
      { row: 5, cells: ['7', '8'] },
    ]);
  });

  test('empty rows are left out but still counted, as a spreadsheet numbers its rows', () => {
    const parsed = parseCsv('a,b\n\n,\n" ",\n1,2\n');
    expect(parsed.ok && parsed.rows.map((r) => r.row)).toEqual([1, 5]);
  });

  test.each([
    ['an unclosed quote', 'a,b\n1,2\n3,"four\n5,6\n', 3],
    ['text after a closing quote', 'a,b\n"1"x,2\n', 2],
  ])('%s refuses the file, naming the row', (_, text, row) => {
    expect(parseCsv(text)).toMatchObject({ ok: false, row, message: expect.stringContaining('"') });
  });
});
