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

/**
 * Who may embed the sidebar's frame (web_accessible_resources): the consoles' origins. A resource's match
 * patterns may name no path, so each content-script pattern is widened to its origin.
 */
export function siteOriginPatterns(): string[] {
  // History pages (Taobao) never show the sidebar: their origins need not reach it.
  const live = siteAdapters.filter((a) => a.mode !== 'history').flatMap((a) => a.matches);
  return [...new Set(live.map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*')))];
}

export function adapterForUrl(url: string | URL): SiteAdapter | undefined {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return siteAdapters.find((a) => a.handles(parsed));
}
