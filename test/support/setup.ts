import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage } from '@/lib/i18n-format';
import zh from '@/public/_locales/zh_CN/messages.json';

// fakeBrowser has no i18n; answer from the zh_CN catalogue, the UI's first language.
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
    formatMessage(zh, key, substitutions === undefined ? [] : [substitutions].flat())) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'zh-CN';
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
