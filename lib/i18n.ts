import { browser } from 'wxt/browser';
import type zh from '../public/_locales/zh_CN/messages.json';

/** Every user-facing string goes through here; keys are checked against the zh_CN catalogue. */
export type MessageKey = keyof typeof zh;

// WXT's generated i18n typings extend Chrome's types, which the webextension-polyfill typings lack; the
// plain signature is all this wrapper needs.
const i18n = browser.i18n as unknown as { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };

export function t(key: MessageKey, ...substitutions: string[]): string {
  return i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return i18n.getUILanguage();
}
