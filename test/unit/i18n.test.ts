import { AFTER_SALE_TEXTS } from '@/lib/after-sale/texts';
import { AFTER_SALE_REPLY_TITLES } from '@/lib/after-sale-replies';
import { POSTAGE_TEXTS } from '@/lib/postage';
import { SHIPPING_TEXTS } from '@/lib/shipping';
import { catalogKey } from '@/lib/i18n';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import zh from '@/public/_locales/zh_CN/messages.json';
import { formatMessage, type CatalogueEntry } from '@/lib/i18n-format';
import { t } from '@/lib/i18n';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholders = (catalogue: Record<string, CatalogueEntry>, key: string) => Object.keys(catalogue[key]?.placeholders ?? {}).sort();

describe('translations', () => {
  test('English has exactly the Chinese keys, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) expect([key, placeholders(en, key)]).toEqual([key, placeholders(zh, key)]);
  });

  test('every key the UI asks for exists, including ones built from a prefix', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z_]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(Object.keys(zh)).toContain(key);
    for (const part of ['app', 'thread', 'input', 'conversation']) expect(Object.keys(zh)).toContain(`layoutPart_${part}`);
  });

  test('the after-sale, postage and shipping texts of lib/ are in both catalogues, word for word', () => {
    const maps = { ...AFTER_SALE_TEXTS, ...POSTAGE_TEXTS, ...SHIPPING_TEXTS, ...AFTER_SALE_REPLY_TITLES };
    expect(Object.keys(maps).length).toBeGreaterThan(60);
    for (const [key, text] of Object.entries(maps)) {
      const name = catalogKey(key);
      expect([key, (zh as Record<string, { message: string }>)[name]?.message]).toEqual([key, text.zh]);
      expect([key, (en as Record<string, { message: string }>)[name]?.message]).toEqual([key, text.en]);
    }
  });

  test('placeholders are filled the way Chrome fills them', () => {
    expect(formatMessage(zh, 'orderNumber', ['26001'])).toBe('订单号 26001');
    expect(formatMessage(en, 'orderNumber', ['26001'])).toBe('Order 26001');
    expect(t('orderNumber', '26001')).toBe('订单号 26001');
  });

  test('the manifest strings stay within the stores’ limits', () => {
    for (const catalogue of [zh, en]) {
      expect(catalogue.extName.message.length).toBeLessThanOrEqual(75);
      expect(catalogue.extShortName.message.length).toBeLessThanOrEqual(12);
      expect(catalogue.extDescription.message.length).toBeLessThanOrEqual(132);
    }
  });
});
