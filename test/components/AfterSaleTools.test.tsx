import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { CaseForm } from '@/components/CaseForm';
import { PostageHelper } from '@/components/PostageHelper';
import { ShippingHelper } from '@/components/ShippingHelper';
import { decidePostage, postageReply } from '@/lib/postage';

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe('postage helper', () => {
  test('a quality problem: the seller pays both ways, and the reply inserted is the rule’s, in the conversation’s language', () => {
    const onInsert = vi.fn();
    render(<PostageHelper lang="zh" policy={{}} onInsert={onInsert} />);
    fireEvent.change(select('退回原因'), { target: { value: 'qualityProblem' } });
    expect(document.querySelector('.postage-outbound')!.textContent).toBe('商家承担');
    expect(document.querySelector('.postage-return')!.textContent).toBe('商家承担');
    expect(screen.getByText(/底线：来回运费都由店铺承担/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '插入回复' }));
    expect(onInsert).toHaveBeenCalledWith(postageReply(decidePostage({ sevenDayNoReason: true, reason: 'qualityProblem', freeShippingListed: true }), 'zh'));
  });

  test('changed mind on a 7-day item: the buyer pays the return; the shop’s goodwill is an option with its cost, not the floor', () => {
    const onInsert = vi.fn();
    render(<PostageHelper lang="en" policy={{ goodwillLimit: 15 }} onInsert={onInsert} />);
    fireEvent.input(screen.getByLabelText('退回运费（选填）'), { target: { value: '12' } });
    expect(document.querySelector('.postage-return')!.textContent).toBe('买家承担');
    const option = document.querySelector('.postage-option')!;
    expect(option.textContent).toContain('店铺成本 12.00');
    // The floor's reply says the buyer pays the return; it offers no goodwill.
    fireEvent.click(screen.getAllByRole('button', { name: '插入回复' })[0]!);
    expect(onInsert.mock.calls[0]![0]).toContain('return shipping is paid by the buyer');
    fireEvent.click(option.querySelector('button')!);
    expect(onInsert.mock.calls[1]![0]).toContain('12.00');
  });

  test('a return postage that is not a number is named beside the field', () => {
    render(<PostageHelper lang="zh" policy={{ goodwillLimit: 15 }} onInsert={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('退回运费（选填）'), { target: { value: '-3' } });
    expect(screen.getByRole('alert').textContent).toBe('请输入不小于0的数字');
  });
});

describe('shipping helper', () => {
  test('a 2.5 kg small box goes by commercial express with the reasons; a negative weight is named beside its field', () => {
    const onInsert = vi.fn();
    render(<ShippingHelper lang="en" volumetricDivisor={6000} onInsert={onInsert} />);
    const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
    type('订单金额（美元）', '40');
    type('实际重量（公斤）', '-1');
    type('长（厘米）', '30');
    type('宽（厘米）', '20');
    type('高（厘米）', '10');
    type('目的国（两位代码）', 'br');
    expect(document.querySelector('[data-field="weightKg"] .field-error')!.textContent).toBe('不能为负数');
    expect(screen.queryByRole('button', { name: '插入回复' })).toBeNull();
    type('实际重量（公斤）', '2.5');
    expect(document.querySelector('.shipping-family')!.textContent).toContain('商业快递');
    expect(screen.getByText('实重超过2公斤')).toBeTruthy();
    expect(screen.getByText(/实重大于体积重/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '插入回复' }));
    expect(onInsert.mock.calls[0]![0]).toMatch(/days/);
  });
});

describe('new case form', () => {
  test('pre-fills the order; each bad field shows its message beside it', async () => {
    const onSubmit = vi.fn(async () => ({ amount: 'afterSale.error.amountNotANumber' as const, type: 'afterSale.error.typeRequired' as const }));
    render(<CaseForm orderNumber="240501123" onSubmit={onSubmit} onCancel={vi.fn()} />);
    expect((screen.getByLabelText('订单号') as HTMLInputElement).value).toBe('240501123');
    fireEvent.input(screen.getByLabelText('金额'), { target: { value: '12,5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存售后单' }));
    await waitFor(() => expect(document.querySelector('[data-field="amount"] .field-error')?.textContent).toBe('金额必须是数字'));
    expect(document.querySelector('[data-field="type"] .field-error')!.textContent).toBe('请选择售后类型');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ orderNumber: '240501123', amount: '12,5', currency: 'CNY' }));
  });
});
