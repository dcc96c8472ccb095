import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { defaultSettings } from '@/lib/settings';
import { loadSettings } from '@/lib/settings-store';
import { createClient } from '@/lib/messaging';
import { dispatch } from '@/lib/protocol';
import { stubHandlers } from '../support/handlers';

const send = createClient((message) => dispatch(stubHandlers(), message));

const input = (label: string) => screen.findByLabelText(label) as Promise<HTMLInputElement>;

describe('options page', () => {
  test('switching a console off is saved and said', async () => {
    render(<App send={send} />);
    const toggle = await input('演示客服台（本项目自带）');
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await screen.findByText('已保存');
    expect((await loadSettings()).disabledSites).toEqual(['demo']);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });

  test('thresholds are saved; a breach set before the warning is refused with the reason, nothing saved', async () => {
    render(<App send={send} />);
    fireEvent.change(await input('提醒（秒）'), { target: { value: '15' } });
    await waitFor(async () => expect((await loadSettings()).thresholds.warnSec).toBe(15));
    fireEvent.change(await input('超时（秒）'), { target: { value: '10' } });
    expect((await screen.findByRole('alert')).textContent).toContain('the warning must come before the breach');
    expect((await loadSettings()).thresholds).toEqual({ ...defaultSettings.thresholds, warnSec: 15 });
  });

  test('an unknown time zone is refused; a counting preset can be edited and reset', async () => {
    render(<App send={send} />);
    fireEvent.change(await input('店铺时区'), { target: { value: 'Mars/Olympus' } });
    expect((await screen.findByRole('alert')).textContent).toContain('未知时区“Mars/Olympus”');
    expect((await loadSettings()).timeZone).toBe(defaultSettings.timeZone);

    fireEvent.change(await input('平台口径'), { target: { value: 'pinduoduo' } });
    await waitFor(async () => expect((await loadSettings()).profileId).toBe('pinduoduo'));
    expect(((await input('计数单位')) as unknown as HTMLSelectElement).value).toBe('buyer');
    fireEvent.change(await input('服务时间开始'), { target: { value: '09:30' } });
    await waitFor(async () => expect((await loadSettings()).profiles).toMatchObject([{ id: 'pinduoduo', window: { start: 570 } }]));
    fireEvent.click(await screen.findByRole('button', { name: '恢复此预设' }));
    await waitFor(async () => expect((await loadSettings()).profiles).toEqual([]));
  });

  test('desktop notifications stay off when the permission is not granted, and go on when it is', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false);
    const { unmount } = render(<App send={send} />);
    fireEvent.click(await input('买家超时时显示桌面通知'));
    expect((await screen.findByRole('alert')).textContent).toBe('未获得通知权限，桌面通知保持关闭。');
    expect((await loadSettings()).notifyOnBreach).toBe(false);
    unmount();
    fakeBrowser.permissions.request = vi.fn(async () => true);
    render(<App send={send} />);
    fireEvent.click(await input('买家超时时显示桌面通知'));
    await waitFor(async () => expect((await loadSettings()).notifyOnBreach).toBe(true));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });
});
