import type { Lang } from './postage';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The language to answer a buyer in: the one their latest message that says anything is written in (Chinese
 * when it holds a Chinese character, English when it holds a Latin word); with nothing to go by, the agent's
 * own UI language.
 */
export function conversationLanguage(asks: readonly string[], uiLanguage: string): Lang {
  for (let i = asks.length - 1; i >= 0; i--) {
    const text = asks[i]!;
    if (CJK.test(text)) return 'zh';
    if (LATIN_WORD.test(text)) return 'en';
  }
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
