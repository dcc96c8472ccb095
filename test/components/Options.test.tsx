import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { loadSettings } from '@/lib/settings-store';

describe('options page', () => {
  test('switching a console off is saved and said', async () => {
    render(<App />);
    const toggle = (await screen.findByLabelText('演示客服台（本项目自带）')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await screen.findByText('已保存');
    expect((await loadSettings()).disabledSites).toEqual(['demo']);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });
});
