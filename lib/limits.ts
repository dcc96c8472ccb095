import type { SnippetDraft } from './snippet';
import type { ImportPlan } from './snippet-io';

/**
 * The snippet library's documented limits, in one place: the zod schemas (lib/snippet.ts, lib/protocol.ts,
 * lib/sidebar-channel.ts), the worker, the options page and the sidebar read these, so they cannot disagree.
 *
 * Why these figures: the whole library travels in one extension message on three paths (options page ->
 * worker `snippets.import`, worker -> content script `snippets.list`, content script -> sidebar frame over
 * its port), and Chrome refuses a message whose JSON is over 64 MiB, the whole message, with no word on
 * which snippet. A snippet at its longest body in Chinese is 2,000 characters of 3 bytes each in UTF-8 JSON:
 * 6 KB, so 5,000 such snippets are about 30 MB with their usual titles and tags, under half the limit
 * (test/unit/limits.test.ts measures it). Even with every other field at its own maximum in Chinese too
 * (20 tags of 40 characters, 20 sites, 100-character id, title and folder) they are about 60 MB, still
 * under. 5,000 is also far above what a shop keeps (the default library has 81), and the quick search
 * answers within a frame at that size (`npm run bench -- snippet-limits`).
 */

/** The most snippets a library holds. */
export const MAX_SNIPPETS = 5_000;

/** The longest snippet body, in UTF-16 code units (what a textarea's maxLength and String.length count). */
export const MAX_BODY_LENGTH = 2_000;

/**
 * The most different fill-ins in one body: the sidebar asks the agent for each one the page cannot supply,
 * in one form; fifty fields is already more than anyone fills in while a buyer waits.
 */
export const MAX_FILL_INS = 50;

/** Chrome's limit on one extension message's JSON (runtime.sendMessage, port.postMessage). */
export const MESSAGE_LIMIT_BYTES = 64 * 1024 * 1024;

/** 5,000 rather than 5000, in both languages (Chinese groups thousands with a comma too). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * What the sidebar can show of a library: the first MAX_SNIPPETS in library order, and how many were left
 * out. A library over the limit (from before there was one) is cut, with a notice, rather than refused by
 * the sidebar's channel, which would leave the agent with no snippets at all.
 */
export function fitLibrary<T>(snippets: readonly T[]): { snippets: T[]; leftOut: number } {
  if (snippets.length <= MAX_SNIPPETS) return { snippets: snippets as T[], leftOut: 0 };
  return { snippets: snippets.slice(0, MAX_SNIPPETS), leftOut: snippets.length - MAX_SNIPPETS };
}

/** Where an import passes the library's limit: `index` is the first incoming snippet over it, `total` what the library would hold. */
export interface LibraryOverflow {
  index: number;
  total: number;
}

/**
 * Whether importing `incoming` (as planned by planImport against a library of `librarySize`) would take the
 * library past MAX_SNIPPETS, and at which incoming snippet. What grows the library is what the worker adds:
 * new ids, and, when the agent chose to overwrite, a snippet whose shortcut was taken (the old one keeps
 * its text); a snippet replacing one of the same id adds nothing.
 */
export function importOverflow(librarySize: number, incoming: readonly SnippetDraft[], plan: ImportPlan, overwrite: boolean): LibraryOverflow | null {
  const adding = new Set<SnippetDraft>(plan.fresh);
  if (overwrite) for (const conflict of plan.conflicts) if (conflict.reason === 'shortcut') adding.add(conflict.incoming);
  const total = librarySize + adding.size;
  // Replacing snippets of a library already over the limit (from before there was one) takes it no further.
  if (adding.size === 0 || total <= MAX_SNIPPETS) return null;
  let size = librarySize;
  for (const [index, snippet] of incoming.entries()) if (adding.has(snippet) && ++size > MAX_SNIPPETS) return { index, total };
  return { index: incoming.length - 1, total };
}
