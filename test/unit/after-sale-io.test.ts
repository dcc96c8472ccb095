import { describe, expect, test } from 'vitest';
import { advanceCase, casesToCsv, casesToJson, checkCaseDraft, openCase, parseCasesCsv, parseCasesFile, parseCasesJson, recordComplaint, recordIntervention, type AfterSaleCase } from '@/lib/after-sale';

const T0 = Date.UTC(2026, 11, 1, 2, 0, 0, 123);
const HOUR = 3_600_000;

function build(): AfterSaleCase[] {
  const open = (form: Record<string, string>, id: string, at: number) => {
    const check = checkCaseDraft(form);
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return openCase(check.draft, id, at);
  };
  const step = (c: AfterSaleCase, ...args: [Parameters<typeof advanceCase>[1], number, string?, Parameters<typeof advanceCase>[4]?]) => {
    const r = advanceCase(c, ...args);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const a = open({ orderNumber: '4021889310012', type: 'qualityProblem', product: '羊毛围巾, 灰色', amount: '89.9', reason: '起球 "严重"', buyerName: '小王', conversationId: 'conv-1', note: '买家发来照片\n第二张' }, 'a', T0);
  const b = step(step(open({ orderNumber: '4021889310012', type: 'postageDispute', product: '羊毛围巾', amount: '0', currency: 'CNY' }, 'b', T0 + 1), 'goodsReceived', T0 + HOUR, '=SUM(A1)'), 'resolved', T0 + 2 * HOUR, '', 'refund');
  const c = recordComplaint(recordIntervention(step(open({ orderNumber: 'AE8812', type: 'logistics', product: 'Phone case', amount: '4.99', currency: 'USD', reason: 'tracking stopped' }, 'c', T0 + 2), 'resolved', T0 + 3 * HOUR, 'reshipped', 'exchange'), 'shop', T0 + 4 * HOUR), T0 + 5 * HOUR);
  return [a, b, c];
}

describe('case files', () => {
  test('JSON and CSV round-trip every case identically (Chinese, commas, quotes, line breaks, formulas, ms times)', () => {
    const cases = build();
    expect(parseCasesJson(casesToJson(cases))).toEqual({ ok: true, cases });
    expect(parseCasesCsv(casesToCsv(cases))).toEqual({ ok: true, cases });
  });

  test('a file read as bytes, CSV with a BOM from a spreadsheet included', () => {
    const cases = build();
    const utf8 = (text: string) => new TextEncoder().encode(text);
    expect(parseCasesFile('cases.csv', utf8(`\ufeff${casesToCsv(cases)}`))).toEqual({ ok: true, cases });
    expect(parseCasesFile('cases.json', utf8(casesToJson(cases)))).toEqual({ ok: true, cases });
  });

  const json = () => casesToJson(build());
  test.each([
    ['a negative amount', json().replace('"amount": 89.9', '"amount": -1'), { row: 1, field: 'amount', message: 'afterSale.error.amountNegative' }],
    ['an amount that is text', json().replace('"amount": 89.9', '"amount": "89.9"'), { row: 1, field: 'amount', message: 'afterSale.error.amountNotANumber' }],
    ['a missing order number', json().replace('"orderNumber": "AE8812"', '"orderNumber": ""'), { row: 3, field: 'orderNumber', message: 'afterSale.error.orderNumberRequired' }],
    ['a resolved case without a resolution', json().replace('"resolution": "refund"', '"resolution": null'), { row: 2, field: 'resolution', message: 'afterSale.error.resolutionRequired' }],
    ['the same id twice', json().replace('"id": "b"', '"id": "a"'), { row: 2, field: 'id', message: expect.stringContaining('twice') }],
    ['another file', '{"format": "kefu-sidekick/snippets"}', { row: null, field: 'format', message: expect.any(String) }],
    ['a newer version', json().replace('"version": 1', '"version": 2'), { row: null, field: 'version', message: expect.any(String) }],
    ['broken JSON', '{"format": ', { row: null, field: '(file)', message: expect.stringContaining('not JSON') }],
  ])('a JSON file with %s is refused whole, naming the entry and field', (_, text, problem) => {
    expect(parseCasesJson(text)).toEqual({ ok: false, problem });
  });

  test.each([
    ['an amount that is not a number on line 3', (csv: string) => csv.replace(',0,CNY,', ',zero,CNY,'), { row: 3, field: 'amount', message: 'afterSale.error.amountNotANumber' }],
    ['a time that is not a time', (csv: string) => csv.replace(new Date(T0 + 1).toISOString(), 'yesterday'), { row: 3, field: 'openedAt' }],
    ['a goods-received time before first contact', (csv: string) => csv.replace(new Date(T0 + HOUR).toISOString(), new Date(T0 - HOUR).toISOString()), { row: 3, field: 'goodsReceivedAt', message: 'afterSale.error.timeBeforePrevious' }],
    ['an unknown type', (csv: string) => csv.replace(',logistics,', ',lost,'), { row: 4, field: 'type', message: 'afterSale.error.typeRequired' }],
    ['a header without the needed columns', () => 'order,amount\r\n1,2\r\n', { row: 1, field: 'id, orderNumber, type, product, step, firstContactAt' }],
  ])('a CSV file with %s is refused whole, naming the row and field', (_, edit, where) => {
    const result = parseCasesCsv(edit(casesToCsv(build())));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatchObject(where);
  });

  test('a spreadsheet may leave out openedAt and updatedAt: they follow from the step times', () => {
    const [a] = build();
    const csv = `id,orderNumber,type,product,amount,step,firstContactAt,firstContactNote\r\na,${a!.orderNumber},qualityProblem,围巾,10,firstContact,${new Date(T0).toISOString()},\r\n`;
    const result = parseCasesCsv(csv);
    expect(result.ok && result.cases[0]).toMatchObject({ openedAt: T0, updatedAt: T0, currency: 'CNY', platformIntervened: false, complaint: false });
  });
});
