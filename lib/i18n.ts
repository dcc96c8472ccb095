import { browser } from 'wxt/browser';
import type zh from '../public/_locales/zh_CN/messages.json';

/** Every user-facing string goes through here; keys are checked against the zh_CN catalogue. */
export type MessageKey = keyof typeof zh;

// WXT's generated i18n typings extend Chrome's types, which the webextension-polyfill typings lack; the
// plain signature is all this wrapper needs.
const i18n = browser.i18n as unknown as { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };

/**
 * Each getMessage is a call into the browser; the sidebar re-renders every second while buyers wait, so
 * answers are kept (bounded: count-up labels make many distinct ones).
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 2_000;

export function t(key: MessageKey, ...substitutions: string[]): string {
  const id = substitutions.length ? `${key}\u0000${substitutions.join('\u0001')}` : key;
  let text = cache.get(id);
  if (text === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    try {
      text = i18n.getMessage(key, substitutions) || key;
    } catch {
      // The extension was reloaded under a page that still shows our frame or script: getMessage throws
      // "Extension context invalidated" until they are gone. The key is better than an uncaught error.
      return key;
    }
    cache.set(id, text);
  }
  return text;
}

let language: string | undefined;
export function uiLanguage(): string {
  return (language ??= i18n.getUILanguage());
}

/**
 * A key of the pure modules' text maps (lib/after-sale/texts.ts, lib/postage.ts, lib/shipping.ts), e.g.
 * 'afterSale.type.logistics', as the catalogue names it ('afterSale_type_logistics'): the maps are the source,
 * copied into the locale files (test/unit/i18n.test.ts checks they agree).
 */
export function catalogKey(key: string): MessageKey {
  return key.replace(/[.-]/g, '_') as MessageKey;
}
