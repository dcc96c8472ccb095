import { t } from './i18n';
import { formatCount, MAX_SNIPPETS, type LibraryOverflow } from './limits';

/**
 * The library limit's sentences, the same wherever it is met: the options page before it sends, the worker
 * when a request gets past that anyway, and the console's sidebar for a library from before the limit.
 */

/** A new snippet when the library is full. */
export function libraryFullText(): string {
  return t('libraryFull', formatCount(MAX_SNIPPETS));
}

/** An import that would take the library past the limit, naming the file's first snippet over it (1 = the first). */
export function importOverflowText({ index, total }: LibraryOverflow): string {
  return t('importOverLimit', formatCount(index + 1), formatCount(MAX_SNIPPETS), formatCount(total));
}

/** The sidebar's notice when fitLibrary left `leftOut` snippets out. */
export function libraryCutText(leftOut: number): string {
  return t('libraryCut', formatCount(MAX_SNIPPETS + leftOut), formatCount(MAX_SNIPPETS));
}
