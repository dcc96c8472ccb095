import { aliexpressAdapter } from './aliexpress';
import { demoAdapter } from './demo';
import { douyinAdapter } from './douyin';
import { jdAdapter } from './jd';
import { pinduoduoAdapter } from './pinduoduo';
import { taobaoAdapter } from './taobao';
import type { SiteAdapter } from './types';

/** Every seller console the extension knows; one adapter module per console. */
export const siteAdapters: readonly SiteAdapter[] = [demoAdapter, pinduoduoAdapter, douyinAdapter, jdAdapter, taobaoAdapter, aliexpressAdapter];

/** The content script's match patterns: the union of the adapters' own. */
export function siteMatchPatterns(): string[] {
  return [...new Set(siteAdapters.flatMap((a) => a.matches))];
}

export function adapterForUrl(url: string | URL): SiteAdapter | undefined {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return siteAdapters.find((a) => a.handles(parsed));
}
