import type { Snippet } from '../snippet';
import { libraryEn } from './library-en';
import { libraryZh } from './library-zh';

/**
 * What a new install's library holds: the Chinese set first (the UI's first language), then the English
 * set for cross-border shops. See library-zh.ts and library-en.ts for what they cover and the conduct rules.
 */
export const defaultSnippets: Snippet[] = [...libraryZh, ...libraryEn].map((seed, index) => ({ ...seed, order: index, uses: 0 }));
