import { demoAdapter } from './demo';
import type { SiteAdapter } from './types';

/** Every seller console the extension knows; one adapter module per console. */
export const siteAdapters: readonly SiteAdapter[] = [demoAdapter];

/** The content script's match patterns: the union of the adapters' own. */
export function siteMatchPatterns(): string[] {
  return [...new Set(siteAdapters.flatMap((a) => a.matches))];
}

/**
 * Who may embed the sidebar's frame (web_accessible_resources): the consoles' origins. A resource's match
 * patterns may name no path, so each content-script pattern is widened to its origin.
 */
export function siteOriginPatterns(): string[] {
  return [...new Set(siteMatchPatterns().map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*')))];
}

export function adapterForUrl(url: string | URL): SiteAdapter | undefined {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return siteAdapters.find((a) => a.handles(parsed));
}
